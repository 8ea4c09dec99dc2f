package io.kubenetsim.core.proxy;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.RuleOutcome;
import java.util.List;
import java.util.Optional;

/**
 * What one node's rules did with the first packet of a flow, as data: the outcome, the NAT
 * rewrite (which rule rewrote the destination, and to which endpoint), the rule that marked the
 * packet for masquerade, and — for people — every rule that matched in the dump's own text.
 * Readers take the decision from the typed fields; {@code matchedRules} is for display only.
 *
 * @param dnat the destination rewrite, for {@link RuleOutcome#DNAT}
 * @param candidates every endpoint the rules could have chosen for this packet, in rule order
 *     (what kube-proxy's own packet-flow tests report)
 * @param masqueradeRule the rule that set the masquerade mark ({@code KUBE-MARK-MASQ}, {@code
 *     mark-for-masquerade}, or IPVS mode's ipset rules), when one did
 * @param servicePort the service port whose rules matched, if any
 * @param entry how the packet addressed the service
 * @param matchedRules the rules or map entries that matched, in order, in the dump's own text
 * @param rulesEvaluated how many rules were looked at (for iptables, the linear cost)
 */
public record ProxyDecision(
    RuleOutcome outcome,
    Optional<Dnat> dnat,
    ImmutableList<ProxyEndpoint> candidates,
    Optional<String> masqueradeRule,
    Optional<ServicePortName> servicePort,
    Entry entry,
    ImmutableList<String> matchedRules,
    int rulesEvaluated) {

  public ProxyDecision {
    candidates = ImmutableList.copyOf(candidates);
    matchedRules = ImmutableList.copyOf(matchedRules);
    if ((outcome == RuleOutcome.DNAT) != dnat.isPresent()) {
      throw new IllegalStateException("a " + outcome + " decision "
          + (dnat.isPresent() ? "cannot carry" : "needs") + " a DNAT rewrite: " + matchedRules);
    }
  }

  /**
   * A destination rewrite: the rule (or map element) that performed it, in the dump's text, and
   * the endpoint it rewrote to.
   */
  public record Dnat(ProxyEndpoint endpoint, String rule) {}

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
    return new ProxyDecision(RuleOutcome.UNTOUCHED, Optional.empty(), ImmutableList.of(),
        Optional.empty(), Optional.empty(), Entry.NONE, ImmutableList.copyOf(matched), evaluated);
  }

  /** {@return the endpoint the destination was rewritten to, for a DNAT} */
  public Optional<ProxyEndpoint> backend() {
    return dnat.map(Dnat::endpoint);
  }

  /** {@return whether a rule marked the packet for masquerade} */
  public boolean masquerade() {
    return masqueradeRule.isPresent();
  }

  /**
   * {@return the source the endpoint sees}: the node's primary address when the packet was
   * marked for masquerade, the sender's otherwise.
   *
   * <p>Simplification: real MASQUERADE takes the address of the interface the packet leaves
   * by (a bridge's for a pod on the same node, an overlay's with some CNIs); the node's primary
   * address stands for all of them.
   */
  public IpAddress sourceSeen(IpAddress sender, NodeContext node) {
    return masquerade() ? node.primaryIP() : sender;
  }
}
