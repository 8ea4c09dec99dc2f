package io.kubenetsim.core.policy;

import io.kubenetsim.net.IpAddress;

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
