package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * {@code NetworkPolicy.spec}. Holds what the API can hold, valid or not; the API server
 * validates and defaults it. {@code policyTypes} as written: empty means "not given", which the
 * API server defaults to {@code Ingress}, plus {@code Egress} when {@code egress} has rules
 * ({@code SetDefaults_NetworkPolicy}); stored policies always have it filled.
 *
 * <p>{@code ingress} and {@code egress} absent and empty mean the same (no traffic allowed in
 * an isolated direction), so they are plain lists; {@code [{}]} is one rule that allows all.
 *
 * @param podSelector the pods of the policy's namespace it applies to; {@code {}} selects all
 * @param policyTypes {@code Ingress}, {@code Egress}, as written
 */
public record NetworkPolicySpec(
    LabelSelector podSelector,
    ImmutableList<String> policyTypes,
    ImmutableList<NetworkPolicyRule> ingress,
    ImmutableList<NetworkPolicyRule> egress) {

  public static final String INGRESS = "Ingress";
  public static final String EGRESS = "Egress";

  public NetworkPolicySpec {
    checkArgument(podSelector != null, "podSelector must not be null (use {} for all pods)");
    policyTypes = ImmutableList.copyOf(policyTypes);
    ingress = ImmutableList.copyOf(ingress);
    egress = ImmutableList.copyOf(egress);
  }

  /** {@return a spec with these parts} */
  public static NetworkPolicySpec of(LabelSelector podSelector, List<String> policyTypes,
      List<NetworkPolicyRule> ingress, List<NetworkPolicyRule> egress) {
    return new NetworkPolicySpec(podSelector, ImmutableList.copyOf(policyTypes),
        ImmutableList.copyOf(ingress), ImmutableList.copyOf(egress));
  }

  /**
   * {@return the policy types in effect: as written, or the API server's default when none
   * were written}
   */
  public ImmutableList<String> effectivePolicyTypes() {
    if (!policyTypes.isEmpty()) {
      return policyTypes;
    }
    return egress.isEmpty() ? ImmutableList.of(INGRESS) : ImmutableList.of(INGRESS, EGRESS);
  }

  /** {@return whether the policy isolates the pods it selects for ingress} */
  public boolean appliesToIngress() {
    return effectivePolicyTypes().contains(INGRESS);
  }

  /** {@return whether the policy isolates the pods it selects for egress} */
  public boolean appliesToEgress() {
    return effectivePolicyTypes().contains(EGRESS);
  }

  public NetworkPolicySpec withPolicyTypes(List<String> types) {
    return new NetworkPolicySpec(podSelector, ImmutableList.copyOf(types), ingress, egress);
  }

  /** {@return a copy with these ingress rules, policyTypes as they were} */
  public NetworkPolicySpec withIngress(List<NetworkPolicyRule> rules) {
    return new NetworkPolicySpec(podSelector, policyTypes, ImmutableList.copyOf(rules), egress);
  }

  /** {@return a copy with these egress rules, policyTypes as they were} */
  public NetworkPolicySpec withEgress(List<NetworkPolicyRule> rules) {
    return new NetworkPolicySpec(podSelector, policyTypes, ingress, ImmutableList.copyOf(rules));
  }
}
