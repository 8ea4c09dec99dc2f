package io.kubenetsim;

import io.kubenetsim.net.Cidr;
import io.kubenetsim.spi.SimulationProvider;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Builds a {@link Cluster}. Start from {@link KubeSim#cluster()}; every setting has a default.
 *
 * <pre>{@code
 * Cluster c = KubeSim.cluster().nodes(3).seed(42).build();
 * }</pre>
 */
public final class ClusterBuilder {

  private ClusterConfig config;

  ClusterBuilder(ClusterConfig config) {
    this.config = config;
  }

  private ClusterBuilder with(UnaryOperator<ClusterConfig> change) {
    config = change.apply(config);
    return this;
  }

  /** Sets the seed all randomness derives from. */
  public ClusterBuilder seed(long seed) {
    return with(c -> new ClusterConfig(seed, c.initialNodes(), c.clusterCidr(),
        c.nodeCidrMaskSize(), c.nodeNetwork(), c.startTime(), c.timing(), c.maxSettleEvents()));
  }

  /** Sets how many nodes exist at start ({@code node-1} … {@code node-N}); 0 for none. */
  public ClusterBuilder nodes(int count) {
    return with(c -> new ClusterConfig(c.seed(), count, c.clusterCidr(), c.nodeCidrMaskSize(),
        c.nodeNetwork(), c.startTime(), c.timing(), c.maxSettleEvents()));
  }

  /** Sets the pod network, e.g. {@code "10.244.0.0/16"}, and the per-node prefix length. */
  public ClusterBuilder clusterCidr(String cidr, int nodeMaskSize) {
    return with(c -> new ClusterConfig(c.seed(), c.initialNodes(), Cidr.parse(cidr),
        nodeMaskSize, c.nodeNetwork(), c.startTime(), c.timing(), c.maxSettleEvents()));
  }

  /** Sets the network node IPs come from, e.g. {@code "172.18.0.0/16"}. */
  public ClusterBuilder nodeNetwork(String cidr) {
    return with(c -> new ClusterConfig(c.seed(), c.initialNodes(), c.clusterCidr(),
        c.nodeCidrMaskSize(), Cidr.parse(cidr), c.startTime(), c.timing(), c.maxSettleEvents()));
  }

  /** Sets all timings at once. */
  public ClusterBuilder timing(Timing timing) {
    return with(c -> new ClusterConfig(c.seed(), c.initialNodes(), c.clusterCidr(),
        c.nodeCidrMaskSize(), c.nodeNetwork(), c.startTime(), timing, c.maxSettleEvents()));
  }

  /** Sets how long watchers lag behind the store. */
  public ClusterBuilder informerLag(Duration lag) {
    return timing(config.timing().withInformerLag(lag));
  }

  /** Sets how many events {@code settle()} may run before it reports a cluster that never settles. */
  public ClusterBuilder maxSettleEvents(long events) {
    return with(c -> new ClusterConfig(c.seed(), c.initialNodes(), c.clusterCidr(),
        c.nodeCidrMaskSize(), c.nodeNetwork(), c.startTime(), c.timing(), events));
  }

  /** {@return the configuration built so far} */
  public ClusterConfig config() {
    return config;
  }

  /** {@return a new cluster: nodes registered, system namespaces present, nothing run yet} */
  public Cluster build() {
    return SimulationProvider.load().create(config);
  }
}
