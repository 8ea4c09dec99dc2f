package io.kubenetsim.net;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;

import java.util.Optional;

/**
 * One packet traced through one node's kube-proxy rules, as kube-proxy's own packet-flow tests
 * trace it: the outcome, the backend actually chosen, every backend the rules allow, whether the
 * packet is marked for masquerade, the rules that matched and how many were evaluated.
 *
 * @param outcome what the rules did; {@link #verdict()} is what a probe reports for it
 * @param dnatRule the rule (or map element) that rewrote the destination, for {@code DNAT}
 * @param masqueradeRule the rule that marked the packet for masquerade, when one did
 * @param policyChecks NetworkPolicy's checks on the traced packet (after DNAT, as enforced):
 *     the source pod's egress, then the destination pod's ingress; empty when neither end is a
 *     pod or the cluster does not enforce policies
 */
public record PacketTrace(
    String node,
    String packet,
    RuleOutcome outcome,
    Optional<HostPort> backend,
    ImmutableList<HostPort> candidates,
    Optional<String> dnatRule,
    Optional<String> masqueradeRule,
    Optional<String> servicePort,
    ImmutableList<String> matchedRules,
    int rulesEvaluated,
    ImmutableList<PolicyCheck> policyChecks) {

  public PacketTrace {
    checkArgument(node != null && packet != null && outcome != null && backend != null
        && dnatRule != null && masqueradeRule != null && servicePort != null,
        "trace parts must not be null");
    candidates = ImmutableList.copyOf(candidates);
    matchedRules = ImmutableList.copyOf(matchedRules);
    policyChecks = ImmutableList.copyOf(policyChecks);
  }

  /** {@return whether the packet was marked for masquerade (SNAT to the node's address)} */
  public boolean masquerade() {
    return masqueradeRule.isPresent();
  }

  /** {@return the verdict a rules-only probe reports: see {@link RuleOutcome#verdict()}} */
  public ConnectionVerdict verdict() {
    return outcome.verdict();
  }

  /** {@return the trace as readable lines} */
  public String explain() {
    StringBuilder out = new StringBuilder(packet).append(" through ").append(node)
        .append("'s rules\n");
    for (String rule : matchedRules) {
      out.append("  matched: ").append(rule).append('\n');
    }
    out.append("  => ").append(outcome);
    backend.ifPresent(b -> out.append(" to ").append(b));
    out.append(masquerade() ? ", masqueraded" : ", source preserved");
    out.append("; candidates ").append(candidates.isEmpty() ? "none" : candidates)
        .append("; ").append(rulesEvaluated).append(" rules evaluated\n");
    return out.toString();
  }

  @Override
  public String toString() {
    return explain();
  }
}
