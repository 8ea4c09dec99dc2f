package io.kubenetsim;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.List;

/**
 * The parts of kube-proxy's {@code KubeProxyConfiguration} that change how traffic moves, with
 * upstream's meanings: an empty {@code clusterCIDR} under {@link DetectLocalMode#CLUSTER_CIDR}
 * means kube-proxy has no local-traffic detector, exactly as a configuration file without
 * {@code clusterCIDR} does.
 *
 * <p>A cluster built without a configuration gets what kubeadm and kind write: the cluster's
 * pod CIDR as {@code clusterCIDR} (see {@link ClusterBuilder#kubeProxy}).
 *
 * <pre>{@code
 * KubeProxyConfiguration c = KubeProxyConfiguration.defaults()
 *     .withMode(ProxyMode.IPTABLES).withClusterCIDR("10.244.0.0/16");
 * }</pre>
 *
 * @param masqueradeAll SNAT all Service traffic, not only what upstream masquerades
 * @param clusterCIDR the local-traffic detector's range under {@code ClusterCIDR} mode; {@code
 *     ""} for none (no detector)
 * @param detectLocalMode how local (pod) traffic is told apart
 * @param nodePortAddresses which node addresses accept NodePorts: CIDRs, or {@code primary};
 *     empty means every local address (iptables and IPVS) or {@code primary} (nftables), as
 *     upstream defaults
 * @param minSyncPeriod how soon after a change a node's rules are rewritten (default 1 s)
 */
public record KubeProxyConfiguration(
    ProxyMode mode,
    boolean masqueradeAll,
    String clusterCIDR,
    DetectLocalMode detectLocalMode,
    ImmutableList<String> nodePortAddresses,
    Duration minSyncPeriod) {

  public KubeProxyConfiguration {
    checkArgument(mode != null && clusterCIDR != null && detectLocalMode != null
        && minSyncPeriod != null, "kube-proxy configuration parts must not be null");
    nodePortAddresses = ImmutableList.copyOf(nodePortAddresses);
    checkArgument(!minSyncPeriod.isNegative(), "minSyncPeriod must not be negative");
  }

  /**
   * {@return upstream's defaults, in IPVS mode: no {@code clusterCIDR}, so no local-traffic
   * detector}
   */
  public static KubeProxyConfiguration defaults() {
    return new KubeProxyConfiguration(ProxyMode.IPVS, false, "", DetectLocalMode.CLUSTER_CIDR,
        ImmutableList.of(), Duration.ofSeconds(1));
  }

  /** {@return whether kube-proxy has a local-traffic detector (upstream's IsImplemented)} */
  public boolean detectsLocalTraffic() {
    return detectLocalMode != DetectLocalMode.CLUSTER_CIDR || !clusterCIDR.isEmpty();
  }

  public KubeProxyConfiguration withMode(ProxyMode newMode) {
    return new KubeProxyConfiguration(newMode, masqueradeAll, clusterCIDR, detectLocalMode,
        nodePortAddresses, minSyncPeriod);
  }

  public KubeProxyConfiguration withMasqueradeAll(boolean value) {
    return new KubeProxyConfiguration(mode, value, clusterCIDR, detectLocalMode,
        nodePortAddresses, minSyncPeriod);
  }

  /** {@return a copy with this {@code clusterCIDR} ({@code ""} for none)} */
  public KubeProxyConfiguration withClusterCIDR(String cidr) {
    return new KubeProxyConfiguration(mode, masqueradeAll, cidr, detectLocalMode,
        nodePortAddresses, minSyncPeriod);
  }

  public KubeProxyConfiguration withDetectLocalMode(DetectLocalMode newMode) {
    return new KubeProxyConfiguration(mode, masqueradeAll, clusterCIDR, newMode,
        nodePortAddresses, minSyncPeriod);
  }

  public KubeProxyConfiguration withNodePortAddresses(List<String> addresses) {
    return new KubeProxyConfiguration(mode, masqueradeAll, clusterCIDR, detectLocalMode,
        ImmutableList.copyOf(addresses), minSyncPeriod);
  }

  public KubeProxyConfiguration withMinSyncPeriod(Duration period) {
    return new KubeProxyConfiguration(mode, masqueradeAll, clusterCIDR, detectLocalMode,
        nodePortAddresses, period);
  }
}
