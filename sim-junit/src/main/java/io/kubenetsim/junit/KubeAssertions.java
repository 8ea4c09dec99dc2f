package io.kubenetsim.junit;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.net.Protocol;

/**
 * Assertions that read like the question a test asks, and fail with the answer's evidence: the
 * connection's trace, the Service's slices, the differing cells of a truth table, and the seed.
 *
 * <pre>{@code
 * assertThat(c).pod("shop/client").canReach("svc/shop/web", 80).reachesOnly("shop/web-…");
 * assertThat(c).pod("lab/probe").connectingTo("svc/shop/web", 80).isDeniedBy("shop/deny-all");
 * assertThat(c).service("shop/web").hasReadyEndpoints(3);
 * assertReachability(c).on(80).matches(table);
 * }</pre>
 */
public final class KubeAssertions {
  private KubeAssertions() {}

  /** {@return assertions starting from a cluster} */
  public static ClusterAssert assertThat(Cluster cluster) {
    return new ClusterAssert(cluster);
  }

  /** {@return assertions on a connection already made} */
  public static ConnectionAssert assertThat(Cluster cluster, Connection connection) {
    return new ConnectionAssert(cluster, connection);
  }

  /** {@return assertions on one EndpointSlice} */
  public static EndpointSliceAssert assertThat(EndpointSlice slice) {
    return new EndpointSliceAssert(slice);
  }

  /** {@return assertions on the cluster's NetworkPolicy truth table, TCP port 80 by default} */
  public static ReachabilityAssert assertReachability(Cluster cluster) {
    return new ReachabilityAssert(cluster, 80, Protocol.TCP);
  }
}
