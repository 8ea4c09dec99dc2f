package io.kubenetsim.core.policy;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.net.PolicyCheck;
import io.kubenetsim.net.PolicyDirection;
import io.kubenetsim.net.Protocol;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The policies that select one pod for one direction, sorted by name — upstream's isolation:
 * "a pod is isolated for ingress if there is any NetworkPolicy that both selects the pod and
 * has Ingress in its policyTypes" (likewise egress). A snapshot: the pod builds a new one, on
 * first use, after that set or the pod's ports change, so what it caches (the rules that can
 * match a port; the checks for not isolated, allowed by each rule, always-allowed traffic)
 * stays right for as long as it is in use, and an allowed verdict allocates nothing once seen.
 */
final class PodPolicies {
  private static final CompiledPolicy[] NO_POLICIES = new CompiledPolicy[0];

  final PolicyDirection direction;
  /** The pod, {@code namespace/name}. */
  final String pod;
  /** The selecting policies, by name (all are in the pod's namespace). */
  final CompiledPolicy[] policies;
  private ImmutableList<String> names;
  private PolicyCheck notIsolated;
  private PolicyCheck self;
  private PolicyCheck ownNode;
  private String ownNodeName;
  private PolicyCheck[][] allowed;
  private final PortCandidates[] candidates = new PortCandidates[4];
  private int nextCandidate;

  private PodPolicies(PolicyDirection direction, String pod, CompiledPolicy[] policies) {
    this.direction = direction;
    this.pod = pod;
    this.policies = policies;
  }

  /** {@return the view of these policies, sorted by name already} */
  static PodPolicies of(PolicyDirection direction, String pod, List<CompiledPolicy> sorted) {
    return new PodPolicies(direction, pod, sorted == null || sorted.isEmpty() ? NO_POLICIES
        : sorted.toArray(NO_POLICIES));
  }

  /** {@return whether some policy isolates the pod for this direction} */
  boolean isolated() {
    return policies.length > 0;
  }

  /**
   * {@return the rules that can match this port and protocol} Kept for the last four ports
   * asked about (a pod is mostly reached on a few).
   */
  PortCandidates candidates(int port, Protocol protocol, PolicyPod subject) {
    int key = PortCandidates.key(port, protocol);
    for (PortCandidates cached : candidates) {
      if (cached != null && cached.key == key) {
        return cached;
      }
    }
    PortCandidates computed = PortCandidates.of(policies, direction, subject, port, protocol);
    candidates[nextCandidate] = computed;
    nextCandidate = (nextCandidate + 1) % candidates.length;
    return computed;
  }

  /** {@return the selecting policies' names, sorted} */
  ImmutableList<String> names() {
    if (names == null) {
      names = Arrays.stream(policies).map(p -> p.name).collect(ImmutableList.toImmutableList());
    }
    return names;
  }

  PolicyCheck notIsolatedCheck() {
    if (notIsolated == null) {
      notIsolated = PolicyCheck.notIsolated(direction, pod);
    }
    return notIsolated;
  }

  /** {@return the check of traffic between the pod and itself, which no policy can block} */
  PolicyCheck selfCheck() {
    if (self == null) {
      self = PolicyCheck.of(direction, pod, names(), true, Optional.empty(),
          "traffic between a pod and itself is always allowed");
    }
    return self;
  }

  /** {@return the check of traffic between the pod and its own node, always allowed} */
  PolicyCheck ownNodeCheck(String node) {
    if (ownNode == null || !node.equals(ownNodeName)) {
      ownNodeName = node;
      ownNode = PolicyCheck.of(direction, pod, names(), true, Optional.empty(),
          (direction == PolicyDirection.INGRESS ? "traffic from" : "traffic to")
              + " its own node " + node + " is always allowed");
    }
    return ownNode;
  }

  /** {@return the check of traffic the {@code rule}-th rule of the {@code policy}-th allows} */
  PolicyCheck allowedCheck(int policy, int rule) {
    if (allowed == null) {
      allowed = new PolicyCheck[policies.length][];
    }
    if (allowed[policy] == null) {
      allowed[policy] = new PolicyCheck[policies[policy].rules(direction).length];
    }
    PolicyCheck check = allowed[policy][rule];
    if (check == null) {
      String name = policies[policy].rules(direction)[rule].name;
      check = PolicyCheck.of(direction, pod, names(), true, Optional.of(name),
          "allowed by " + name);
      allowed[policy][rule] = check;
    }
    return check;
  }
}
