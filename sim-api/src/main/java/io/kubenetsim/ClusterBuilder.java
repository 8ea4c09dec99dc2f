package io.kubenetsim;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.PortRange;
import io.kubenetsim.spi.SimulationProvider;
import java.time.Duration;
import java.time.Instant;

/**
 * Builds a {@link Cluster}. Start from {@link KubeSim#cluster()}; every setting has a default.
 *
 * <pre>{@code
 * Cluster c = KubeSim.cluster().nodes(3).seed(42).build();
 * }</pre>
 */
public final class ClusterBuilder {
  private long seed;
  private int nodes;
  private Cidr clusterCidr;
  private int nodeCidrMaskSize;
  private Cidr nodeNetwork;
  private Instant startTime;
  private Timing timing;
  private long maxSettleEvents;
  private ImmutableList<Cidr> serviceCidrs;
  private PortRange nodePortRange;
  private int maxEndpointsPerSlice;
  private Cidr loadBalancerPool;
  private String apiServerEndpoint;
  private KubeProxyConfiguration kubeProxy;
  /** Whether kube-proxy's clusterCIDR is the pod network's, kept so as it changes. */
  private boolean detectorFollowsClusterCidr;
  private CloudProvider cloudProvider;
  private NetworkPolicyEnforcement networkPolicy;
  private ClusterDns dns;

  ClusterBuilder(ClusterConfig c) {
    seed = c.seed();
    nodes = c.initialNodes();
    clusterCidr = c.clusterCidr();
    nodeCidrMaskSize = c.nodeCidrMaskSize();
    nodeNetwork = c.nodeNetwork();
    startTime = c.startTime();
    timing = c.timing();
    maxSettleEvents = c.maxSettleEvents();
    serviceCidrs = c.serviceCidrs();
    nodePortRange = c.nodePortRange();
    maxEndpointsPerSlice = c.maxEndpointsPerSlice();
    loadBalancerPool = c.loadBalancerPool();
    apiServerEndpoint = c.apiServerEndpoint();
    kubeProxy = c.kubeProxy();
    detectorFollowsClusterCidr = kubeProxy.detectLocalMode() == DetectLocalMode.CLUSTER_CIDR
        && kubeProxy.clusterCIDR().equals(clusterCidr.toString());
    cloudProvider = c.cloudProvider();
    networkPolicy = c.networkPolicy();
    dns = c.dns();
  }

  /** Sets kube-proxy's mode on every node ({@code IPVS} by default). */
  public ClusterBuilder proxyMode(ProxyMode mode) {
    kubeProxy = kubeProxy.withMode(mode);
    return this;
  }

  /**
   * Sets every node's kube-proxy configuration, taken as upstream takes its file: an empty
   * {@code clusterCIDR} means no local-traffic detector. Without this call kube-proxy gets what
   * kubeadm and kind configure, the cluster's pod CIDR as {@code clusterCIDR}.
   */
  public ClusterBuilder kubeProxy(KubeProxyConfiguration configuration) {
    kubeProxy = configuration;
    detectorFollowsClusterCidr = false;
    return this;
  }

  /**
   * Sets whether a cloud gives LoadBalancer Services an address, as kube-controller-manager's
   * {@code --cloud-provider}: {@link CloudProvider#SIMULATED} (the default) or {@link
   * CloudProvider#NONE}, with which they stay {@code <pending>} forever.
   */
  public ClusterBuilder cloudProvider(CloudProvider provider) {
    cloudProvider = provider;
    return this;
  }

  /**
   * Sets whether the network plugin enforces NetworkPolicy: {@link
   * NetworkPolicyEnforcement#ENFORCE} (the default) or {@link NetworkPolicyEnforcement#IGNORE},
   * as with a plugin such as flannel: policies are stored and nothing is filtered.
   */
  public ClusterBuilder networkPolicy(NetworkPolicyEnforcement enforcement) {
    networkPolicy = enforcement;
    return this;
  }

  /** Sets the seed all randomness derives from. */
  public ClusterBuilder seed(long value) {
    seed = value;
    return this;
  }

  /** Sets how many nodes exist at start ({@code node-1} … {@code node-N}); 0 for none. */
  public ClusterBuilder nodes(int count) {
    nodes = count;
    return this;
  }

  /** Sets the pod network, e.g. {@code "10.244.0.0/16"}, and the per-node prefix length. */
  public ClusterBuilder clusterCidr(String cidr, int nodeMaskSize) {
    clusterCidr = Cidr.parse(cidr);
    nodeCidrMaskSize = nodeMaskSize;
    return this;
  }

  /** Sets the cluster DNS settings at once: domain, CoreDNS replicas, the nodes' resolver. */
  public ClusterBuilder dns(ClusterDns settings) {
    dns = settings;
    return this;
  }

  /**
   * Sets how many CoreDNS pods kubeadm's addon runs (2); 0 leaves the {@code kube-dns} Service
   * without pods, so no name resolves, as in a cluster whose DNS addon was skipped.
   */
  public ClusterBuilder coreDnsReplicas(int replicas) {
    dns = dns.withCoreDnsReplicas(replicas);
    return this;
  }

  /** Sets the cluster domain, as the kubelet's {@code --cluster-domain cluster.local}. */
  public ClusterBuilder clusterDomain(String domain) {
    dns = dns.withClusterDomain(domain);
    return this;
  }

  /** Sets the network node IPs come from, e.g. {@code "172.18.0.0/16"}. */
  public ClusterBuilder nodeNetwork(String cidr) {
    nodeNetwork = Cidr.parse(cidr);
    return this;
  }

  /**
   * Sets the Service IP range(s), as {@code --service-cluster-ip-range 10.96.0.0/12}; two
   * ranges of different families, primary first, make Services dual-stack capable: {@code
   * serviceClusterIpRange("10.96.0.0/12", "fd00:10:96::/112")}.
   */
  public ClusterBuilder serviceClusterIpRange(String... cidrs) {
    ImmutableList.Builder<Cidr> parsed = ImmutableList.builder();
    for (String cidr : cidrs) {
      parsed.add(Cidr.parse(cidr));
    }
    serviceCidrs = parsed.build();
    return this;
  }

  /** Sets the NodePort range, as {@code --service-node-port-range 30000-32767}. */
  public ClusterBuilder serviceNodePortRange(String range) {
    nodePortRange = PortRange.parse(range);
    return this;
  }

  /** Sets how many endpoints one EndpointSlice holds at most (1–1000, default 100). */
  public ClusterBuilder maxEndpointsPerSlice(int max) {
    maxEndpointsPerSlice = max;
    return this;
  }

  /** Sets where the simulated cloud's load balancers take their IPs, e.g. {@code 203.0.113.0/24}. */
  public ClusterBuilder loadBalancerPool(String cidr) {
    loadBalancerPool = Cidr.parse(cidr);
    return this;
  }

  /** Sets all timings at once. */
  public ClusterBuilder timing(Timing value) {
    timing = value;
    return this;
  }

  /** Sets how long watchers lag behind the store. */
  public ClusterBuilder informerLag(Duration lag) {
    timing = timing.withInformerLag(lag);
    return this;
  }

  /** Sets how many events {@code settle()} may run before it reports a cluster that never settles. */
  public ClusterBuilder maxSettleEvents(long events) {
    maxSettleEvents = events;
    return this;
  }

  /**
   * {@return the configuration built so far}
   *
   * @throws IllegalArgumentException when settings contradict each other (overlapping ranges)
   */
  public ClusterConfig config() {
    return new ClusterConfig(seed, nodes, clusterCidr, nodeCidrMaskSize, nodeNetwork, startTime,
        timing, maxSettleEvents, serviceCidrs, nodePortRange, maxEndpointsPerSlice,
        loadBalancerPool, apiServerEndpoint, detectorFollowsClusterCidr
            ? kubeProxy.withClusterCIDR(clusterCidr.toString()) : kubeProxy, cloudProvider,
        networkPolicy, dns);
  }

  /** {@return a new cluster: nodes registered, system namespaces present, nothing run yet} */
  public Cluster build() {
    return SimulationProvider.load().create(config());
  }
}
