package io.kubenetsim.core.policy;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.net.PolicyCheck;
import io.kubenetsim.net.PolicyDirection;
import io.kubenetsim.net.Protocol;
import java.util.Arrays;
import java.util.Optional;

/**
 * The policies that select one pod for one direction, sorted by name — upstream's isolation:
 * "a pod is isolated for ingress if there is any NetworkPolicy that both selects the pod and
 * has Ingress in its policyTypes" (likewise egress). Replaced, never changed, when that set
 * changes, so the checks it caches (not isolated, allowed by each rule, always-allowed traffic)
 * stay right for as long as it is in use: an allowed verdict allocates nothing once seen.
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

  static PodPolicies none(PolicyDirection direction, String pod) {
    return new PodPolicies(direction, pod, NO_POLICIES);
  }

  /** {@return whether some policy isolates the pod for this direction} */
  boolean isolated() {
    return policies.length > 0;
  }

  /** {@return these policies and {@code policy}, which replaces one of the same name} */
  PodPolicies with(CompiledPolicy policy) {
    int at = find(policy);
    CompiledPolicy[] next;
    if (at >= 0) {
      next = policies.clone();
      next[at] = policy;
    } else {
      int insert = -at - 1;
      next = new CompiledPolicy[policies.length + 1];
      System.arraycopy(policies, 0, next, 0, insert);
      next[insert] = policy;
      System.arraycopy(policies, insert, next, insert + 1, policies.length - insert);
    }
    return new PodPolicies(direction, pod, next);
  }

  /** {@return these policies without {@code policy} (this very version)} */
  PodPolicies without(CompiledPolicy policy) {
    int at = find(policy);
    if (at < 0 || policies[at] != policy) {
      return this;
    }
    CompiledPolicy[] next = new CompiledPolicy[policies.length - 1];
    System.arraycopy(policies, 0, next, 0, at);
    System.arraycopy(policies, at + 1, next, at, next.length - at);
    return new PodPolicies(direction, pod, next);
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

  /** {@return the same policies with nothing cached (the pod's container ports changed)} */
  PodPolicies uncached() {
    return new PodPolicies(direction, pod, policies);
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

  private int find(CompiledPolicy policy) {
    int low = 0;
    int high = policies.length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int order = policies[mid].key.compareTo(policy.key);
      if (order < 0) {
        low = mid + 1;
      } else if (order > 0) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -(low + 1);
  }
}
