package io.kubenetsim.core.proxy.iptables;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.proxy.EndpointSelection;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.net.Cidr;
import java.util.Optional;

/**
 * Everything about a node that changes a service port's own chains (KUBE-SVC, KUBE-SVL,
 * KUBE-EXT, KUBE-FW, KUBE-SEP), and nothing else: nodes with equal variants have identical
 * chains for the port, so they share one compiled copy. For a port without Local policies or
 * source ranges that is every node with the same configuration and local-traffic detector.
 *
 * @param masqueradeAll the configuration's {@code masqueradeAll}
 * @param localTraffic the node's local-traffic detector CIDR, if it has a detector
 * @param local the endpoints a Local policy uses on this node (empty when no policy is Local)
 * @param allowFromNode whether a {@code loadBalancerSourceRanges} range holds the node's
 *     primary address, so the node may reach its own load balancer (false without ranges)
 */
record PortVariant(boolean masqueradeAll, Optional<Cidr> localTraffic,
    ImmutableList<ProxyEndpoint> local, boolean allowFromNode) {

  /** {@return the parts of the node that the port's chains depend on} */
  static PortVariant of(PortShape shape, NodeContext node) {
    ImmutableList<ProxyEndpoint> local = shape.usesLocal
        ? ImmutableList.copyOf(EndpointSelection.of(shape.port, node.nodeName()).local())
        : ImmutableList.of();
    boolean allowFromNode = false;
    if (shape.usesFirewallChain) {
      for (Cidr range : shape.port.loadBalancerSourceRanges()) {
        allowFromNode |= range.contains(node.primaryIP());
      }
    }
    return new PortVariant(node.config().masqueradeAll(), node.localTraffic(), local,
        allowFromNode);
  }

  /**
   * {@return whether the node has this variant}, for a port without Local policies or source
   * ranges, whose chains depend only on the configuration and the detector: answers without
   * building the node's variant
   */
  boolean sharedBy(NodeContext node) {
    return masqueradeAll == node.config().masqueradeAll()
        && localTraffic.equals(node.localTraffic());
  }
}
