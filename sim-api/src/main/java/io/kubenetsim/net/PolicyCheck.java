package io.kubenetsim.net;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * NetworkPolicy's decision on one direction of a connection, as data: the pod whose policies
 * decided ({@code namespace/name}), the policies that select it for that direction ({@code
 * namespace/name}, sorted; empty when the pod is not isolated), the rule that allowed the
 * traffic ({@code namespace/name ingress[0]}) or none, and a sentence saying why.
 *
 * <pre>{@code
 * check.allowed();      // false
 * check.policies();     // [x/allow-80]
 * check.reason();       // port 81/TCP not in ingress[0].ports of x/allow-80 ...
 * }</pre>
 *
 * @param isolated whether any policy selects the pod for this direction
 * @param allowedBy the allowing rule; empty when denied, or allowed because not isolated, or
 *     allowed without a rule (traffic from the pod's own node)
 */
public record PolicyCheck(PolicyDirection direction, String pod, boolean isolated,
    ImmutableList<String> policies, boolean allowed, Optional<String> allowedBy,
    String reason) {

  public PolicyCheck {
    checkArgument(direction != null && pod != null && allowedBy != null && reason != null,
        "policy check parts must not be null");
    policies = ImmutableList.sortedCopyOf(policies);
    checkArgument(!allowedBy.isPresent() || allowed, "a denied check has no allowing rule");
  }

  /** {@return a check of a direction no policy isolates: allowed} */
  public static PolicyCheck notIsolated(PolicyDirection direction, String pod) {
    return new PolicyCheck(direction, pod, false, ImmutableList.of(), true, Optional.empty(),
        "no NetworkPolicy selects " + pod + " for " + direction.apiName());
  }

  /** {@return a check with these parts} */
  public static PolicyCheck of(PolicyDirection direction, String pod, List<String> policies,
      boolean allowed, Optional<String> allowedBy, String reason) {
    return new PolicyCheck(direction, pod, !policies.isEmpty(), ImmutableList.copyOf(policies),
        allowed, allowedBy, reason);
  }

  /** {@return the first check that denied the connection, if any} */
  public static Optional<PolicyCheck> firstDenied(List<PolicyCheck> checks) {
    // A loop, not a stream: the dataplane asks for every connection.
    for (PolicyCheck check : checks) {
      if (!check.allowed()) {
        return Optional.of(check);
      }
    }
    return Optional.empty();
  }

  /**
   * {@return the check that decided a connection's fate, among its checks (egress then
   * ingress)}: the first that denied it, else the ingress check of an isolated destination,
   * else the egress check of an isolated source; empty when no policy selects either pod
   */
  public static Optional<PolicyCheck> deciding(List<PolicyCheck> checks) {
    return firstDenied(checks)
        .or(() -> checks.stream().filter(c -> c.isolated()
            && c.direction() == PolicyDirection.INGRESS).findFirst())
        .or(() -> checks.stream().filter(PolicyCheck::isolated).findFirst());
  }

  @Override
  public String toString() {
    return direction.apiName() + " of " + pod + ": " + (allowed ? "allowed" : "denied") + " ("
        + reason + ")";
  }
}
