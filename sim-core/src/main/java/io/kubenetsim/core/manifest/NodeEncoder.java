package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.NodeAddress;
import io.kubenetsim.model.NodeSpec;
import io.kubenetsim.model.NodeStatus;
import io.kubenetsim.model.NodeSystemInfo;
import io.kubenetsim.model.Taint;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a Node's {@code spec} (pod CIDRs, taints, unschedulable) and {@code status}: addresses,
 * {@code capacity.pods} as a quantity string, conditions and the four {@code nodeInfo} fields
 * the model keeps (always written, as Go writes them).
 */
final class NodeEncoder implements KindEncoder<Node> {

  @Override
  public Class<Node> type() {
    return Node.class;
  }

  @Override
  public boolean namespaced() {
    return false;
  }

  @Override
  public void encode(Node node, ObjectNode out) {
    out.set("spec", spec(node.spec()));
    out.set("status", status(node.status()));
  }

  private static ObjectNode spec(NodeSpec spec) {
    ObjectNode out = TreeOut.object();
    TreeOut.putString(out, "podCIDR", spec.podCIDR());
    TreeOut.putStrings(out, "podCIDRs", spec.podCIDRs());
    List<ObjectNode> taints = new ArrayList<>();
    for (Taint taint : spec.taints()) {
      ObjectNode node = TreeOut.object();
      node.put("key", taint.key());
      TreeOut.putString(node, "value", taint.value());
      node.put("effect", taint.effect());
      taints.add(node);
    }
    TreeOut.putObjects(out, "taints", taints);
    if (spec.unschedulable()) {
      out.put("unschedulable", true);
    }
    return out;
  }

  private static ObjectNode status(NodeStatus status) {
    ObjectNode out = TreeOut.object();
    List<ObjectNode> addresses = new ArrayList<>();
    for (NodeAddress address : status.addresses()) {
      ObjectNode node = TreeOut.object();
      node.put("type", address.type());
      node.put("address", address.address());
      addresses.add(node);
    }
    TreeOut.putObjects(out, "addresses", addresses);
    out.putObject("capacity").put("pods", String.valueOf(status.podCapacity()));
    TreeOut.putObjects(out, "conditions", TreeOut.conditions(status.conditions()));
    NodeSystemInfo info = status.nodeInfo();
    ObjectNode nodeInfo = out.putObject("nodeInfo");
    nodeInfo.put("kubeletVersion", info.kubeletVersion());
    nodeInfo.put("osImage", info.osImage());
    nodeInfo.put("kernelVersion", info.kernelVersion());
    nodeInfo.put("containerRuntimeVersion", info.containerRuntimeVersion());
    return out;
  }
}
