package io.kubenetsim.core;

import io.kubenetsim.Cluster;
import io.kubenetsim.core.store.alloc.ServiceAllocator;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.Service;

/**
 * Test access to what a cluster keeps behind its API for Services: the API server's ClusterIP
 * and NodePort allocators (to compare free counts before and after a write, as the validation
 * reference asks), and a failure context that adds Services and slices to {@link Diagnostics}.
 */
public final class ServiceInternals {

  private ServiceInternals() {}

  /** {@return the cluster's Service allocator; the cluster must come from sim-core} */
  public static ServiceAllocator allocator(Cluster c) {
    return ((SimulatedCluster) c).plane().serviceAllocator;
  }

  /** {@return how many ClusterIPs are allocated} */
  public static int clusterIpCount(Cluster c) {
    return allocator(c).clusterIps().allocatedCount();
  }

  /** {@return how many NodePorts are allocated} */
  public static int nodePortCount(Cluster c) {
    return allocator(c).nodePorts().allocatedCount();
  }

  /** {@return the seed, time, nodes, pods, Services, slices and the last {@code tail} events} */
  public static String context(Cluster c, int tail) {
    StringBuilder out = new StringBuilder("\nservices:\n");
    for (Service service : c.list(Service.class)) {
      out.append("  ").append(service.metadata().key()).append(' ').append(service).append('\n');
    }
    out.append("slices:\n");
    for (EndpointSlice slice : c.list(EndpointSlice.class)) {
      out.append("  ").append(slice).append('\n');
    }
    return out + Diagnostics.context(c, tail);
  }

  /** {@return {@link #context(Cluster, int)} with the last 40 events} */
  public static String context(Cluster c) {
    return context(c, 40);
  }
}
