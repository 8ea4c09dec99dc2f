package io.kubenetsim.core.proxy.nftables;

import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxyNodeState;
import io.kubenetsim.core.proxy.ProxyPacket;
import io.kubenetsim.core.proxy.ServicePortInfo;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Whether a per-service-port rule's match holds for a packet, as the cases of upstream's
 * {@code helpers_test.go} {@code runChain}: {@code ip daddr}, {@code ip saddr [!=] <cidr>},
 * {@code ip saddr != { … }}, {@code fib saddr type local} (the node's addresses and loopback),
 * and {@code ip saddr @affinity-…} (an unexpired entry of the node's affinity state).
 */
final class NftablesRuleMatcher {
  private NftablesRuleMatcher() {}

  /**
   * {@return whether the rule's match holds}
   *
   * @param port the service port whose element led here, or null before any did
   */
  static boolean matches(NftRule rule, ProxyPacket packet, NodeContext node,
      ProxyNodeState state, Instant now, ServicePortInfo port) {
    if (rule.daddr().isPresent() && !rule.daddr().get().equals(packet.destination())) {
      return false;
    }
    return switch (rule.match()) {
      case ANY, DADDR -> true;
      case SADDR_IN -> inAny(rule.sources(), packet.source());
      case SADDR_NOT_IN -> !inAny(rule.sources(), packet.source());
      case SADDR_LOCAL -> node.isLocal(packet.source());
      case SADDR_IN_SET -> {
        Duration timeout = port == null ? Duration.ZERO
            : port.affinityTimeout().orElse(Duration.ZERO);
        yield state.affinity(rule.set(), packet.source(), now, timeout).isPresent();
      }
      case FIXED -> throw new AssertionError("fixed rules are walked by the evaluator");
    };
  }

  // A loop, not a stream: most service chains test a source range for every packet.
  private static boolean inAny(List<Cidr> ranges, IpAddress address) {
    for (Cidr range : ranges) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }
}
