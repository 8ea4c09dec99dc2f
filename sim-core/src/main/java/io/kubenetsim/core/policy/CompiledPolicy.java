package io.kubenetsim.core.policy;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.NetworkPolicySpec;
import io.kubenetsim.net.PolicyDirection;

/**
 * A NetworkPolicy compiled against the engine's sets: its {@code spec.podSelector} as a pod set
 * of its namespace ({@link #target}), and the rules of each direction it isolates (per its
 * effective {@code policyTypes}; rules of a direction it does not isolate are not compiled, as
 * they cannot allow anything). Immutable; a changed policy is compiled anew.
 */
final class CompiledPolicy {
  final NamespacedName key;
  /** {@code namespace/name}. */
  final String name;
  final NetworkPolicySpec spec;
  final PodSelection target;
  private final CompiledRule[] ingress;
  private final CompiledRule[] egress;
  private final boolean isolatesIngress;
  private final boolean isolatesEgress;
  /** Every set this policy holds a reference to (its target included), to release. */
  final ImmutableList<CompiledPeer> uses;

  CompiledPolicy(NamespacedName key, NetworkPolicySpec spec, PodSelection target,
      CompiledRule[] ingress, CompiledRule[] egress, ImmutableList<CompiledPeer> uses) {
    this.key = key;
    this.name = key.toString();
    this.spec = spec;
    this.target = target;
    this.ingress = ingress;
    this.egress = egress;
    this.isolatesIngress = spec.appliesToIngress();
    this.isolatesEgress = spec.appliesToEgress();
    this.uses = uses;
  }

  /** {@return whether the policy isolates the pods it selects for this direction} */
  boolean appliesTo(PolicyDirection direction) {
    return direction == PolicyDirection.INGRESS ? isolatesIngress : isolatesEgress;
  }

  /** {@return the rules of a direction, in the order written; empty when it does not apply} */
  CompiledRule[] rules(PolicyDirection direction) {
    return direction == PolicyDirection.INGRESS ? ingress : egress;
  }

  @Override
  public String toString() {
    return name;
  }
}
