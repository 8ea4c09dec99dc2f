package io.kubenetsim.core.proxy;

import io.kubenetsim.ProxyMode;
import io.kubenetsim.core.engine.SeededRandom;
import java.time.Instant;

/**
 * One kube-proxy mode: how a node's rules, built from a {@link ProxySnapshot}, treat the first
 * packet of a flow, and how the real tool would print them. Implementations hold no per-node
 * state: the node's context and kernel state are passed in, so every node can share one
 * compiled rule set per snapshot.
 */
public interface ProxyBackend {

  /** {@return the mode implemented} */
  ProxyMode mode();

  /**
   * Runs the first packet of a flow through this node's rules.
   *
   * @param random the node's stream for random choices (iptables statistic, nftables numgen)
   */
  ProxyDecision evaluate(ProxySnapshot snapshot, NodeContext node, ProxyPacket packet,
      ProxyNodeState state, Instant now, SeededRandom random);

  /**
   * {@return the node's rules in the real tool's text format: {@code iptables-save}, {@code
   * ipvsadm -Ln} (plus the iptables rules IPVS mode still needs), or {@code nft list ruleset}}
   */
  String dump(ProxySnapshot snapshot, NodeContext node);
}
