package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Optional;

/**
 * A Node ({@code v1}, cluster-scoped): a machine with addresses and a pod CIDR.
 *
 * <pre>{@code
 * Node n = Node.of("node-4", "192.168.0.14");
 * n.internalIP();  // Optional[192.168.0.14]
 * }</pre>
 */
public record Node(ObjectMeta metadata, NodeSpec spec, NodeStatus status)
    implements KubernetesObject {

  public static final String KIND = "Node";

  public Node {
    checkArgument(metadata != null && spec != null && status != null,
        "node parts must not be null");
  }

  /** {@return a node with one InternalIP and a Hostname address, no pod CIDR yet} */
  public static Node of(String name, String internalIP) {
    return new Node(ObjectMeta.named(name), NodeSpec.empty(),
        NodeStatus.of(List.of(new NodeAddress(NodeAddress.INTERNAL_IP, internalIP),
            new NodeAddress(NodeAddress.HOSTNAME, name))));
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String apiVersion() {
    return "v1";
  }

  @Override
  public Node withMetadata(ObjectMeta newMetadata) {
    return new Node(newMetadata, spec, status);
  }

  public Node withSpec(NodeSpec newSpec) {
    return new Node(metadata, newSpec, status);
  }

  public Node withStatus(NodeStatus newStatus) {
    return new Node(metadata, spec, newStatus);
  }

  /** {@return the node's first InternalIP} */
  public Optional<String> internalIP() {
    return status.address(NodeAddress.INTERNAL_IP);
  }

  /** {@return whether the node reports Ready=True} */
  public boolean isReady() {
    return status.isReady();
  }

  @Override
  public String toString() {
    return "Node " + metadata.name() + " " + (isReady() ? "Ready" : "NotReady")
        + internalIP().map(ip -> " ip=" + ip).orElse("")
        + (spec.podCIDR().isEmpty() ? "" : " podCIDR=" + spec.podCIDR());
  }
}
