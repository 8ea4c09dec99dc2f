package io.kubenetsim.core.kubelet;

import io.kubenetsim.model.DnsPolicy;

/**
 * Which base the kubelet builds a pod's resolv.conf from, as upstream's {@code getPodDNSType}
 * ({@code pkg/kubelet/network/dns/dns.go}) decides it from {@code dnsPolicy} and {@code
 * hostNetwork}.
 *
 * <pre>{@code
 * PodDnsType.of(DnsPolicy.CLUSTER_FIRST, true);               // HOST: a hostNetwork pod
 * PodDnsType.of(DnsPolicy.CLUSTER_FIRST_WITH_HOST_NET, true); // CLUSTER
 * }</pre>
 */
public enum PodDnsType {
  /** The cluster DNS service, the cluster search domains, {@code ndots:5}. */
  CLUSTER,
  /** The node's own resolv.conf. */
  HOST,
  /** Nothing: {@code spec.dnsConfig} alone. */
  NONE;

  /**
   * {@return the type for a policy} {@code ClusterFirst} falls back to the node's resolver for
   * a pod in the node's network namespace; {@code ClusterFirstWithHostNet} is how such a pod
   * asks for cluster DNS anyway.
   */
  public static PodDnsType of(DnsPolicy policy, boolean hostNetwork) {
    return switch (policy) {
      case NONE -> NONE;
      case CLUSTER_FIRST_WITH_HOST_NET -> CLUSTER;
      case CLUSTER_FIRST -> hostNetwork ? HOST : CLUSTER;
      case DEFAULT -> HOST;
    };
  }
}
