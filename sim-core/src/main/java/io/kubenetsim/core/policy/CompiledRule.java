package io.kubenetsim.core.policy;

import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;

/**
 * One ingress or egress rule, compiled: upstream's {@code NetworkPolicyIngressRule} "traffic
 * must match both ports and from" (egress: "ports and to"); peers are ORed ("Items in this list
 * are combined using a logical OR operation. If this field is empty or missing, this rule
 * matches all sources"), and so are ports. Immutable.
 */
final class CompiledRule {
  /** {@code namespace/name ingress[0]}, as checks name the allowing rule. */
  final String name;
  /** {@code ingress[0]} or {@code egress[1]}, as reasons name the rule within its policy. */
  final String field;
  final PortMatcher ports;
  /** The peers; empty means every peer. */
  final CompiledPeer[] peers;

  CompiledRule(String name, String field, PortMatcher ports, CompiledPeer[] peers) {
    this.name = name;
    this.field = field;
    this.ports = ports;
    this.peers = peers;
  }

  /**
   * {@return whether the traffic matches a port and a peer}
   *
   * @param namedPortPod the destination pod named ports resolve against, or {@code null}
   * @param peerAddress the other side's address (source for ingress, destination for egress)
   * @param peerPod the pod holding it, or {@code null}
   */
  boolean matches(int port, Protocol protocol, PolicyPod namedPortPod, IpAddress peerAddress,
      PolicyPod peerPod) {
    return ports.matches(port, protocol, namedPortPod) && matchesPeer(peerAddress, peerPod);
  }

  /** {@return whether some peer matches, or the rule has none} */
  boolean matchesPeer(IpAddress peerAddress, PolicyPod peerPod) {
    if (peers.length == 0) {
      return true;
    }
    for (CompiledPeer peer : peers) {
      if (peer.matches(peerAddress, peerPod)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return name;
  }
}
