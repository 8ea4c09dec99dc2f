package io.kubenetsim;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpFamily;
import io.kubenetsim.net.PortRange;
import java.time.Instant;

/**
 * Everything a cluster is built from. Two clusters built from equal configs and driven by the
 * same calls produce byte-identical event logs.
 *
 * @param seed the one seed all randomness derives from
 * @param initialNodes how many nodes ({@code node-1} …) exist at start
 * @param clusterCidr the pod network that node IPAM splits ({@code --cluster-cidr})
 * @param nodeCidrMaskSize the prefix length of each node's pod CIDR
 *     ({@code --node-cidr-mask-size-ipv4}, 24)
 * @param nodeNetwork where node IPs come from ({@code .2} upward, as in a kind cluster)
 * @param startTime the virtual wall-clock time at which the simulation begins
 * @param timing how long things take
 * @param maxSettleEvents how many events {@code settle()} may run before it gives up
 * @param serviceCidrs kube-apiserver's {@code --service-cluster-ip-range} (10.96.0.0/12): one
 *     range, or two of different families for dual-stack Services, the primary (the family of
 *     Services that ask for none) first. Pods and nodes stay IPv4 either way
 * @param nodePortRange kube-apiserver's {@code --service-node-port-range} (30000-32767)
 * @param maxEndpointsPerSlice kube-controller-manager's {@code --max-endpoints-per-slice} (100)
 * @param loadBalancerPool where the simulated cloud's load balancers take their IPs
 * @param apiServerEndpoint the address and port behind the {@code kubernetes} Service
 * @param kubeProxy every node's kube-proxy configuration
 * @param cloudProvider whether a cloud gives LoadBalancer Services an address
 *     (kube-controller-manager's {@code --cloud-provider}; {@link CloudProvider#SIMULATED})
 * @param networkPolicy whether the network plugin enforces NetworkPolicy ({@link
 *     NetworkPolicyEnforcement#ENFORCE})
 * @param dns the cluster domain, CoreDNS's size and the nodes' resolver ({@link
 *     ClusterDns#defaults()})
 */
public record ClusterConfig(
    long seed,
    int initialNodes,
    Cidr clusterCidr,
    int nodeCidrMaskSize,
    Cidr nodeNetwork,
    Instant startTime,
    Timing timing,
    long maxSettleEvents,
    ImmutableList<Cidr> serviceCidrs,
    PortRange nodePortRange,
    int maxEndpointsPerSlice,
    Cidr loadBalancerPool,
    String apiServerEndpoint,
    KubeProxyConfiguration kubeProxy,
    CloudProvider cloudProvider,
    NetworkPolicyEnforcement networkPolicy,
    ClusterDns dns) {

  private static final ClusterConfig DEFAULTS = new ClusterConfig(
      1,
      3,
      Cidr.parse("10.244.0.0/16"),
      24,
      Cidr.parse("172.18.0.0/16"),
      Instant.parse("2026-01-01T00:00:00Z"),
      Timing.defaults(),
      5_000_000,
      ImmutableList.of(Cidr.parse("10.96.0.0/12")),
      new PortRange(30000, 32767),
      100,
      Cidr.parse("172.18.255.0/24"),
      "172.18.0.1:6443",
      // What kubeadm and kind write: the pod network as kube-proxy's local-traffic detector.
      KubeProxyConfiguration.defaults().withClusterCIDR("10.244.0.0/16"),
      CloudProvider.SIMULATED,
      NetworkPolicyEnforcement.ENFORCE,
      ClusterDns.defaults());

  public ClusterConfig {
    checkArgument(initialNodes >= 0, "initialNodes must be zero or more, got %s", initialNodes);
    checkArgument(clusterCidr != null && nodeNetwork != null && startTime != null
        && timing != null, "config parts must not be null");
    checkArgument(clusterCidr.family() == IpFamily.IPV4,
        "clusterCidr %s: only IPv4 clusters are simulated so far", clusterCidr);
    checkArgument(nodeCidrMaskSize >= clusterCidr.prefixLength() && nodeCidrMaskSize <= 30,
        "nodeCidrMaskSize /%s must lie between the cluster CIDR's /%s and /30",
        nodeCidrMaskSize, clusterCidr.prefixLength());
    checkArgument(!clusterCidr.overlaps(nodeNetwork),
        "the node network %s overlaps the cluster CIDR %s", nodeNetwork, clusterCidr);
    checkArgument(maxSettleEvents > 0, "maxSettleEvents must be positive, got %s",
        maxSettleEvents);
    serviceCidrs = ImmutableList.copyOf(serviceCidrs);
    // kube-apiserver's validateClusterIPFlags, in its words.
    checkArgument(!serviceCidrs.isEmpty(),
        "--service-cluster-ip-range must contain at least one valid cidr");
    checkArgument(serviceCidrs.size() <= 2,
        "--service-cluster-ip-range must not contain more than two entries, got %s",
        serviceCidrs);
    checkArgument(serviceCidrs.size() == 1
            || serviceCidrs.get(0).family() != serviceCidrs.get(1).family(),
        "--service-cluster-ip-range[0] and --service-cluster-ip-range[1] must be of different "
            + "IP family, got %s", serviceCidrs);
    for (Cidr serviceCidr : serviceCidrs) {
      checkArgument(!serviceCidr.overlaps(clusterCidr), "the service CIDR %s overlaps the "
          + "cluster CIDR %s", serviceCidr, clusterCidr);
      checkArgument(serviceCidr.prefixLength() <= serviceCidr.family().bits() - 4,
          "the service CIDR %s is too small: kubeadm puts kube-dns at its 10th address, so it "
              + "needs at least 16 addresses (a /%s or larger)", serviceCidr,
          serviceCidr.family().bits() - 4);
    }
    checkArgument(nodePortRange != null && loadBalancerPool != null && apiServerEndpoint != null
        && kubeProxy != null && cloudProvider != null && networkPolicy != null && dns != null,
        "config parts must not be null");
    checkArgument(maxEndpointsPerSlice >= 1 && maxEndpointsPerSlice <= 1000,
        "maxEndpointsPerSlice must be between 1 and 1000, got %s", maxEndpointsPerSlice);
  }

  /** {@return the defaults: seed 1, 3 nodes, 10.244.0.0/16 split into /24s} */
  public static ClusterConfig defaults() {
    return DEFAULTS;
  }
}
