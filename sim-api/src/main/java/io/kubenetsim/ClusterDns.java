package io.kubenetsim;

import static com.google.common.base.Preconditions.checkArgument;

import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.ResolvConf;
import java.util.Optional;

/**
 * The cluster's DNS settings, as kubeadm and the kubelet take them.
 *
 * @param clusterDomain the kubelet's {@code --cluster-domain} and the zone CoreDNS serves
 *     ({@code cluster.local})
 * @param coreDnsReplicas how many CoreDNS pods kubeadm's {@code coredns} Deployment runs (2)
 * @param nodeResolvConf each node's own {@code /etc/resolv.conf}: what a {@code dnsPolicy:
 *     Default} pod gets, and where CoreDNS forwards names outside the cluster; empty for a
 *     resolver at the node network's first address (as on a kind node) with no search list
 */
public record ClusterDns(String clusterDomain, int coreDnsReplicas,
    Optional<ResolvConf> nodeResolvConf) {

  public ClusterDns {
    checkArgument(clusterDomain != null && DnsName.tryParse(clusterDomain).isPresent()
        && !clusterDomain.endsWith(".") && !clusterDomain.isEmpty(),
        "clusterDomain \"%s\": must be a domain name without a trailing dot, such as "
            + "cluster.local", clusterDomain);
    checkArgument(coreDnsReplicas >= 0, "coreDnsReplicas must be zero or more, got %s",
        coreDnsReplicas);
    checkArgument(nodeResolvConf != null, "nodeResolvConf must not be null (Optional.empty())");
  }

  /** {@return kubeadm's defaults: cluster.local, two CoreDNS pods, the node network's resolver} */
  public static ClusterDns defaults() {
    return new ClusterDns("cluster.local", 2, Optional.empty());
  }

  /** {@return these settings with another cluster domain} */
  public ClusterDns withClusterDomain(String domain) {
    return new ClusterDns(domain, coreDnsReplicas, nodeResolvConf);
  }

  /** {@return these settings with another number of CoreDNS pods} */
  public ClusterDns withCoreDnsReplicas(int replicas) {
    return new ClusterDns(clusterDomain, replicas, nodeResolvConf);
  }

  /** {@return these settings with the nodes' own resolv.conf} */
  public ClusterDns withNodeResolvConf(ResolvConf conf) {
    return new ClusterDns(clusterDomain, coreDnsReplicas, Optional.of(conf));
  }
}
