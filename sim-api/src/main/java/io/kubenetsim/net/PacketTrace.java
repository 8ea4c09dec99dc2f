package io.kubenetsim.net;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;

import java.util.Optional;

/**
 * One packet traced through one node's kube-proxy rules, as kube-proxy's own packet-flow tests
 * trace it: the outcome, the backend actually chosen, every backend the rules allow, whether the
 * packet is masqueraded, the rules that matched and how many were evaluated.
 *
 * @param outcome {@code DNAT}, {@code REJECT}, {@code DROP} or {@code UNTOUCHED}
 */
public record PacketTrace(
    String node,
    String packet,
    String outcome,
    Optional<String> backend,
    ImmutableList<String> candidates,
    boolean masquerade,
    Optional<String> servicePort,
    ImmutableList<String> matchedRules,
    int rulesEvaluated) {

  public PacketTrace {
    checkArgument(node != null && packet != null && outcome != null && backend != null
        && servicePort != null, "trace parts must not be null");
    candidates = ImmutableList.copyOf(candidates);
    matchedRules = ImmutableList.copyOf(matchedRules);
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
    out.append(masquerade ? ", masqueraded" : ", source preserved");
    out.append("; candidates ").append(candidates.isEmpty() ? "none" : candidates)
        .append("; ").append(rulesEvaluated).append(" rules evaluated\n");
    return out.toString();
  }

  @Override
  public String toString() {
    return explain();
  }

}
