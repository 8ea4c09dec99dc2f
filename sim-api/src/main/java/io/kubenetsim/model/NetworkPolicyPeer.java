package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;

/**
 * One peer of a NetworkPolicy rule. {@code podSelector} alone selects pods of the policy's
 * namespace; {@code namespaceSelector} alone selects every pod of the namespaces it matches;
 * both in one peer select the matching pods in the matching namespaces (AND). {@code ipBlock}
 * stands alone (the API server rejects it with a selector) and matches addresses.
 */
public record NetworkPolicyPeer(Optional<LabelSelector> podSelector,
    Optional<LabelSelector> namespaceSelector, Optional<IPBlock> ipBlock) {

  public NetworkPolicyPeer {
    checkArgument(podSelector != null && namespaceSelector != null && ipBlock != null,
        "peer parts must not be null (use Optional.empty())");
  }

  /** {@return a peer selecting pods of the policy's own namespace} */
  public static NetworkPolicyPeer pods(LabelSelector pods) {
    return new NetworkPolicyPeer(Optional.of(pods), Optional.empty(), Optional.empty());
  }

  /** {@return a peer selecting every pod of the matching namespaces} */
  public static NetworkPolicyPeer namespaces(LabelSelector namespaces) {
    return new NetworkPolicyPeer(Optional.empty(), Optional.of(namespaces), Optional.empty());
  }

  /** {@return a peer selecting matching pods in matching namespaces (both must match)} */
  public static NetworkPolicyPeer podsInNamespaces(LabelSelector pods,
      LabelSelector namespaces) {
    return new NetworkPolicyPeer(Optional.of(pods), Optional.of(namespaces), Optional.empty());
  }

  /** {@return a peer matching addresses} */
  public static NetworkPolicyPeer ipBlock(IPBlock block) {
    return new NetworkPolicyPeer(Optional.empty(), Optional.empty(), Optional.of(block));
  }
}
