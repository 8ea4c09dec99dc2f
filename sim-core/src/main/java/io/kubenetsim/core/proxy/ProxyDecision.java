package io.kubenetsim.core.proxy;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * What one node's rules did with the first packet of a flow.
 *
 * @param backend the endpoint chosen (for {@link Outcome#DNAT})
 * @param candidates every endpoint the rules could have chosen for this packet, in rule order
 *     (what kube-proxy's own packet-flow tests report)
 * @param masquerade whether the packet was marked for SNAT to the node's address
 * @param servicePort the service port whose rules matched, if any
 * @param entry how the packet addressed the service
 * @param matchedRules the rules or map entries that matched, in order, in the dump's own text
 * @param rulesEvaluated how many rules were looked at (for iptables, the linear cost)
 */
public record ProxyDecision(
    Outcome outcome,
    Optional<ProxyEndpoint> backend,
    ImmutableList<ProxyEndpoint> candidates,
    boolean masquerade,
    Optional<ServicePortName> servicePort,
    Entry entry,
    ImmutableList<String> matchedRules,
    int rulesEvaluated) {

  /** The verdict of the rules. */
  public enum Outcome {
    /** Rewritten to {@code backend}. */
    DNAT,
    /** Refused: the service port has no endpoints (ICMP port unreachable). */
    REJECT,
    /** Silently dropped (no local endpoint for a Local policy; a firewall range). */
    DROP,
    /** No rule applied: the packet goes on as addressed. */
    UNTOUCHED
  }

  /** How the packet addressed the service. */
  public enum Entry {
    CLUSTER_IP,
    NODE_PORT,
    EXTERNAL_IP,
    LOAD_BALANCER,
    NONE
  }

  /** {@return a decision that touched nothing} */
  public static ProxyDecision untouched(List<String> matched, int evaluated) {
    return new ProxyDecision(Outcome.UNTOUCHED, Optional.empty(), ImmutableList.of(), false,
        Optional.empty(), Entry.NONE, ImmutableList.copyOf(matched), evaluated);
  }
}
