package io.kubenetsim.model;

import java.util.Optional;

/**
 * {@code Pod.spec.dnsPolicy}, as the API spells it: which resolver configuration the kubelet
 * writes into the pod's {@code /etc/resolv.conf} (upstream {@code v1.DNSPolicy}; the kubelet's
 * {@code getPodDNSType} in {@code pkg/kubelet/network/dns/dns.go} reads it).
 *
 * <p>The constants are declared in the order kube-apiserver's {@code validateDNSPolicy} lists
 * them in its {@code Unsupported value} message, so {@code values()} gives that message.
 *
 * <pre>{@code
 * DnsPolicy.tryParse("ClusterFirst");          // Optional[ClusterFirst]
 * DnsPolicy.CLUSTER_FIRST.toString();          // "ClusterFirst"
 * DnsPolicy.tryParse("clusterfirst");          // Optional.empty: the API is case-sensitive
 * }</pre>
 */
public enum DnsPolicy {
  /** Cluster DNS even for a {@code hostNetwork} pod. */
  CLUSTER_FIRST_WITH_HOST_NET("ClusterFirstWithHostNet"),
  /**
   * The default: the cluster's DNS service first, with the pod's namespace in the search list;
   * a {@code hostNetwork} pod falls back to {@link #DEFAULT}.
   */
  CLUSTER_FIRST("ClusterFirst"),
  /** The node's own resolver configuration (despite the name, not the default policy). */
  DEFAULT("Default"),
  /** Only what {@code spec.dnsConfig} says; it must then name at least one nameserver. */
  NONE("None");

  private final String text;

  DnsPolicy(String text) {
    this.text = text;
  }

  /** {@return the policy with exactly this API name (case-sensitive, as the API is)} */
  public static Optional<DnsPolicy> tryParse(String name) {
    return ApiNames.find(values(), name);
  }

  /** {@return the API name, such as {@code ClusterFirst}} */
  @Override
  public String toString() {
    return text;
  }
}
