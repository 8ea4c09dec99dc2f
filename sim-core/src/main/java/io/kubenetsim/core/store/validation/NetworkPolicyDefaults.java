package io.kubenetsim.core.store.validation;

import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicySpec;

/**
 * What kube-apiserver fills in a NetworkPolicy before validating it, on create and on update
 * alike: upstream's {@code SetDefaults_NetworkPolicy} ({@code pkg/apis/networking/v1/defaults.go})
 * sets an empty {@code policyTypes} to {@code [Ingress]}, plus {@code Egress} when the policy
 * has egress rules. A port's protocol ({@code SetDefaults_NetworkPolicyPort}: TCP) is already
 * filled when the object is decoded or built, since the model holds a {@code Protocol}.
 *
 * <p>Pure and idempotent; policy types that were written are kept as written (an egress-only
 * policy must say {@code [Egress]}, as the API documentation warns).
 *
 * <pre>{@code
 * NetworkPolicyDefaults.apply(denyAll).spec().policyTypes();  // [Ingress]
 * }</pre>
 */
public final class NetworkPolicyDefaults {

  private NetworkPolicyDefaults() {}

  /** {@return the policy as the API server stores it} */
  public static NetworkPolicy apply(NetworkPolicy policy) {
    NetworkPolicySpec spec = policy.spec();
    if (!spec.policyTypes().isEmpty()) {
      return policy;
    }
    return policy.withSpec(spec.withPolicyTypes(spec.effectivePolicyTypes()));
  }
}
