package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.NodeAddress;
import io.kubenetsim.model.NodeSpec;
import io.kubenetsim.model.NodeStatus;
import io.kubenetsim.model.NodeSystemInfo;
import io.kubenetsim.model.Taint;
import java.util.Optional;

/**
 * Decodes a {@code v1} Node. Unlike other kinds, part of the status is kept because a test
 * cluster is described by it: {@code status.addresses}, {@code status.capacity.pods} (a string
 * quantity such as {@code "110"} or a number) and {@code status.nodeInfo}, besides {@code
 * spec.podCIDR}, {@code spec.podCIDRs}, {@code spec.unschedulable} and {@code spec.taints}.
 * Conditions and other status fields are dropped: the simulated node controller writes them.
 * Without {@code capacity.pods} the capacity is kubelet's default 110; without {@code nodeInfo}
 * it is {@link NodeSystemInfo#simulated()}.
 */
final class NodeDecoder implements KindDecoder<Node> {
  /** Rule id of the decode-stage error for a {@code capacity.pods} that is no whole number. */
  static final String CAPACITY_RULE = "node.capacity.pods.quantity";

  @Override
  public String apiVersion() {
    return "v1";
  }

  @Override
  public String kind() {
    return Node.KIND;
  }

  @Override
  public boolean namespaced() {
    return false;
  }

  @Override
  public Node decode(ObjectCursor root) {
    return new Node(
        ObjectMetaDecoder.decode(root.object("metadata", "v1.ObjectMeta"), false),
        spec(root.object("spec", "v1.NodeSpec")),
        status(root.object("status", "v1.NodeStatus")));
  }

  private static NodeSpec spec(ObjectCursor spec) {
    spec.ignore("providerID", "configSource", "externalID");
    ImmutableList.Builder<Taint> taints = ImmutableList.builder();
    for (ObjectCursor taint : spec.objects("taints", "v1.Taint")) {
      taint.ignore("timeAdded");
      taints.add(new Taint(taint.string("key"), taint.string("value"), taint.string("effect")));
    }
    return new NodeSpec(spec.string("podCIDR"), spec.strings("podCIDRs"),
        spec.bool("unschedulable", false), taints.build());
  }

  private static NodeStatus status(ObjectCursor status) {
    status.ignore("allocatable", "phase", "conditions", "daemonEndpoints", "images",
        "volumesInUse", "volumesAttached", "config", "runtimeHandlers", "features");
    ImmutableList.Builder<NodeAddress> addresses = ImmutableList.builder();
    for (ObjectCursor address : status.objects("addresses", "v1.NodeAddress")) {
      addresses.add(new NodeAddress(address.string("type"), address.string("address")));
    }
    int capacity = status.optionalObject("capacity", "v1.ResourceList")
        .map(NodeDecoder::podCapacity).orElse(NodeStatus.DEFAULT_POD_CAPACITY);
    NodeSystemInfo info = status.optionalObject("nodeInfo", "v1.NodeSystemInfo")
        .map(NodeDecoder::nodeInfo).orElseGet(NodeSystemInfo::simulated);
    return new NodeStatus(addresses.build(), capacity, ImmutableList.of(), info);
  }

  private static int podCapacity(ObjectCursor capacity) {
    capacity.ignoreOthers();
    Optional<JsonNode> pods = capacity.raw("pods");
    if (pods.isEmpty()) {
      return NodeStatus.DEFAULT_POD_CAPACITY;
    }
    JsonNode value = pods.get();
    if (value.isNumber() && value.canConvertToExactIntegral() && value.canConvertToInt()) {
      return value.intValue();
    }
    String text = value.asText();
    if (value.isTextual() && text.matches("[0-9]{1,9}")) {
      return Integer.parseInt(text);
    }
    capacity.error(FieldError.invalid(capacity.fieldPath("pods"), value.isTextual() ? text : value,
        "must be a whole number of pods, such as \"110\"", CAPACITY_RULE));
    return NodeStatus.DEFAULT_POD_CAPACITY;
  }

  private static NodeSystemInfo nodeInfo(ObjectCursor info) {
    info.ignore("machineID", "systemUUID", "bootID", "kubeProxyVersion", "operatingSystem",
        "architecture", "swap");
    return new NodeSystemInfo(info.string("kubeletVersion"), info.string("osImage"),
        info.string("kernelVersion"), info.string("containerRuntimeVersion"));
  }
}
