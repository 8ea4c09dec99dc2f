package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A NetworkPolicy ({@code networking.k8s.io/v1}): which pods of its namespace it selects, for
 * which directions, and the traffic it allows them. Policies only allow; a pod is isolated for
 * a direction once any policy selects it for that direction, and then only what some such
 * policy allows gets through.
 *
 * <pre>{@code
 * NetworkPolicy denyAll = NetworkPolicy.of("shop", "deny-all", NetworkPolicySpec.of(
 *     LabelSelector.everything(), List.of("Ingress"), List.of(), List.of()));
 * }</pre>
 */
public record NetworkPolicy(ObjectMeta metadata, NetworkPolicySpec spec)
    implements KubernetesObject {

  public static final String KIND = "NetworkPolicy";
  public static final String API_VERSION = "networking.k8s.io/v1";

  public NetworkPolicy {
    checkArgument(metadata != null && spec != null, "network policy parts must not be null");
  }

  /** {@return a policy as a user writes it (policyTypes defaulted by the API server)} */
  public static NetworkPolicy of(String namespace, String name, NetworkPolicySpec spec) {
    return new NetworkPolicy(ObjectMeta.named(namespace, name), spec);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String apiVersion() {
    return API_VERSION;
  }

  @Override
  public NetworkPolicy withMetadata(ObjectMeta newMetadata) {
    return new NetworkPolicy(newMetadata, spec);
  }

  public NetworkPolicy withSpec(NetworkPolicySpec newSpec) {
    return new NetworkPolicy(metadata, newSpec);
  }

  @Override
  public String toString() {
    return "NetworkPolicy " + metadata.key() + " " + spec;
  }
}
