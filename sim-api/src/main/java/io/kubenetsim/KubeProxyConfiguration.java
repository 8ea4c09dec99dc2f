package io.kubenetsim;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.List;

/**
 * The parts of kube-proxy's {@code KubeProxyConfiguration} that change how traffic moves.
 *
 * @param masqueradeAll SNAT all Service traffic, not only what upstream masquerades
 * @param clusterCIDR the local-traffic detector: sources inside it are pods; {@code ""} to use
 *     the cluster's pod CIDR
 * @param nodePortAddresses which node addresses accept NodePorts: CIDRs, or {@code primary};
 *     empty means every local address (iptables and IPVS) or {@code primary} (nftables), as
 *     upstream defaults
 * @param minSyncPeriod how soon after a change a node's rules are rewritten (default 1 s)
 */
public record KubeProxyConfiguration(
    ProxyMode mode,
    boolean masqueradeAll,
    String clusterCIDR,
    ImmutableList<String> nodePortAddresses,
    Duration minSyncPeriod) {

  public KubeProxyConfiguration {
    checkArgument(mode != null && clusterCIDR != null && minSyncPeriod != null,
        "kube-proxy configuration parts must not be null");
    nodePortAddresses = ImmutableList.copyOf(nodePortAddresses);
    checkArgument(!minSyncPeriod.isNegative(), "minSyncPeriod must not be negative");
  }

  /** {@return upstream's defaults in IPVS mode} */
  public static KubeProxyConfiguration defaults() {
    return new KubeProxyConfiguration(ProxyMode.IPVS, false, "", ImmutableList.of(),
        Duration.ofSeconds(1));
  }

  public KubeProxyConfiguration withMode(ProxyMode newMode) {
    return new KubeProxyConfiguration(newMode, masqueradeAll, clusterCIDR, nodePortAddresses,
        minSyncPeriod);
  }

  public KubeProxyConfiguration withMasqueradeAll(boolean value) {
    return new KubeProxyConfiguration(mode, value, clusterCIDR, nodePortAddresses,
        minSyncPeriod);
  }

  public KubeProxyConfiguration withNodePortAddresses(List<String> addresses) {
    return new KubeProxyConfiguration(mode, masqueradeAll, clusterCIDR,
        ImmutableList.copyOf(addresses), minSyncPeriod);
  }

  public KubeProxyConfiguration withMinSyncPeriod(Duration period) {
    return new KubeProxyConfiguration(mode, masqueradeAll, clusterCIDR, nodePortAddresses,
        period);
  }
}
