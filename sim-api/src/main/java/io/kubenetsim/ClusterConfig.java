package io.kubenetsim;

import static com.google.common.base.Preconditions.checkArgument;

import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpFamily;
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
 */
public record ClusterConfig(
    long seed,
    int initialNodes,
    Cidr clusterCidr,
    int nodeCidrMaskSize,
    Cidr nodeNetwork,
    Instant startTime,
    Timing timing,
    long maxSettleEvents) {

  private static final ClusterConfig DEFAULTS = new ClusterConfig(
      1,
      3,
      Cidr.parse("10.244.0.0/16"),
      24,
      Cidr.parse("172.18.0.0/16"),
      Instant.parse("2026-01-01T00:00:00Z"),
      Timing.defaults(),
      5_000_000);

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
  }

  /** {@return the defaults: seed 1, 3 nodes, 10.244.0.0/16 split into /24s} */
  public static ClusterConfig defaults() {
    return DEFAULTS;
  }
}
