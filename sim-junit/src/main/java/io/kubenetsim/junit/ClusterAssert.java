package io.kubenetsim.junit;

import io.kubenetsim.ApiException;
import io.kubenetsim.Cluster;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ServiceHandle;

/** Assertions that start from a cluster: pick a pod or a Service by {@code namespace/name}. */
public final class ClusterAssert {
  private final Cluster cluster;

  ClusterAssert(Cluster cluster) {
    this.cluster = cluster;
  }

  /** {@return assertions about a pod}; fails when the pod does not exist */
  public PodAssert pod(String namespacedName) {
    PodHandle pod;
    try {
      pod = cluster.getPod(namespacedName);
    } catch (ApiException e) {
      throw Failures.about(cluster, "expected a pod " + namespacedName + ": " + e.getMessage());
    }
    return new PodAssert(cluster, pod);
  }

  /** {@return assertions about a Service}; fails when the Service does not exist */
  public ServiceAssert service(String namespacedName) {
    ServiceHandle service;
    try {
      service = cluster.getService(namespacedName);
    } catch (ApiException e) {
      throw Failures.about(cluster, "expected a Service " + namespacedName + ": "
          + e.getMessage());
    }
    return new ServiceAssert(cluster, service);
  }
}
