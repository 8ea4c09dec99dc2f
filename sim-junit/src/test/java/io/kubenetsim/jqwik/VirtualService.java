package io.kubenetsim.jqwik;

import io.kubenetsim.Cluster;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.TrafficPolicy;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * One port of a Service that has a ClusterIP, as a client dials it: the Service as the API
 * holds it now (allocated ClusterIP and node ports), the port, and what the reference model
 * ({@link ExpectedEndpoints}) says its ready backends are.
 */
record VirtualService(Service service, ServicePort port, IpAddress clusterIp,
    List<HostPort> readyBackends) {

  /** {@return every port of every generated Service with a ClusterIP, read back from the API} */
  static List<VirtualService> all(Cluster cluster, ClusterManifests manifests) {
    List<ObservedPod> pods = ObservedPod.all(cluster);
    List<VirtualService> all = new ArrayList<>();
    for (Service generated : manifests.services()) {
      if (!ServiceKind.of(generated).hasClusterIp()) {
        continue;
      }
      Service stored = cluster.getService(generated.metadata().key().toString()).get();
      for (ServicePort port : stored.spec().ports()) {
        all.add(new VirtualService(stored, port, IpAddress.parse(stored.spec().clusterIP()),
            ExpectedEndpoints.backends(stored, port, pods)));
      }
    }
    return all;
  }

  /**
   * {@return the backends kube-proxy on {@code node} may pick for a pod there}: every ready
   * backend, or with {@code internalTrafficPolicy: Local} those on {@code node} only
   */
  List<HostPort> backendsFrom(String node, List<ObservedPod> pods) {
    if (service.spec().internalPolicy() != TrafficPolicy.LOCAL) {
      return readyBackends;
    }
    return readyBackends.stream().filter(b -> pods.stream().anyMatch(
        p -> p.ip().equals(java.util.Optional.of(b.ip())) && p.node().equals(node))).toList();
  }

  /** {@return the {@code namespace/name:port/protocol} the property reports} */
  @Override
  public String toString() {
    return service.metadata().key() + ":" + port.port() + "/" + port.protocol() + " ("
        + clusterIp + ", ready backends " + readyBackends + ")";
  }
}
