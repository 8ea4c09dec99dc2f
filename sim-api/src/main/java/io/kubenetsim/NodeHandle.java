package io.kubenetsim;

import io.kubenetsim.model.Node;
import java.util.List;
import java.util.Optional;

/**
 * A live reference to one node. Not for implementation outside io.kubenetsim.
 */
public interface NodeHandle {

  /** {@return the node's name} */
  String name();

  /** {@return whether the Node object still exists} */
  boolean exists();

  /**
   * {@return the node as the API holds it now}
   *
   * @throws ApiException (NotFound) once the node is removed
   */
  Node get();

  /** {@return the node's first InternalIP} */
  default Optional<String> internalIP() {
    return get().internalIP();
  }

  /** {@return the node's pod CIDR, once node IPAM has assigned one} */
  default Optional<String> podCIDR() {
    String cidr = get().spec().podCIDR();
    return cidr.isEmpty() ? Optional.empty() : Optional.of(cidr);
  }

  /** {@return whether the node reports Ready} */
  default boolean isReady() {
    return get().isReady();
  }

  /** {@return the node's kube-proxy: its synced rules, their dump, packet traces} */
  KubeProxyView proxy();

  /** Opens a TCP connection from a process on the node itself (source: the node's IP). */
  default Connection connect(String ip, int port) {
    return connect(ip, port, io.kubenetsim.net.Protocol.TCP);
  }

  /** Opens a connection from a process on the node with any protocol. */
  Connection connect(String ip, int port, io.kubenetsim.net.Protocol protocol);

  /** {@return the pods bound to this node, in namespace/name order} */
  List<PodHandle> pods();

  /**
   * Fails the node: its kubelet stops and its pods stop answering. The node lifecycle
   * controller notices after the node-monitor grace period and evicts the pods after their
   * toleration runs out; their owners replace them elsewhere.
   */
  void fail();

  /** Brings a failed node's kubelet back. */
  void recover();

  /** Deletes the Node object; pods bound to it are garbage-collected and replaced. */
  void remove();
}
