package io.kubenetsim.jqwik;

import io.kubenetsim.Cluster;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.TrafficPolicy;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One port of a Service that has a ClusterIP, as a client dials it: the Service as the API
 * holds it now (allocated ClusterIP and node ports), the port, and what the reference model
 * ({@link ExpectedEndpoints}) says its ready backends are.
 */
record VirtualService(Service service, ServicePort port, IpAddress clusterIp,
    List<HostPort> readyBackends) {

  /** {@return every port of every generated Service with a ClusterIP, read back from the API} */
  static List<VirtualService> all(Cluster cluster, ClusterManifests manifests) {
    List<Service> stored = manifests.services().stream()
        .map(s -> cluster.getService(s.metadata().key().toString()).get()).toList();
    return of(stored, ObservedPod.all(cluster));
  }

  /** {@return every port of these Services (as stored) that have a ClusterIP} */
  static List<VirtualService> of(List<Service> services, List<ObservedPod> pods) {
    List<VirtualService> all = new ArrayList<>();
    for (Service stored : services) {
      if (!ServiceKind.of(stored).hasClusterIp()) {
        continue;
      }
      for (ServicePort port : stored.spec().ports()) {
        all.add(new VirtualService(stored, port, IpAddress.parse(stored.spec().clusterIP()),
            ExpectedEndpoints.backends(stored, port, pods)));
      }
    }
    return all;
  }

  /**
   * {@return the backends kube-proxy on {@code node} may pick for a pod there}: every ready
   * backend, or with {@code internalTrafficPolicy: Local} those on {@code node} only. When
   * {@code node} has none, iptables and nftables drop ("has no local endpoints"), while IPVS's
   * {@code syncEndpoint} falls back to the cluster endpoints, which {@code
   * CategorizeEndpoints} keeps for a port reachable from outside ({@code
   * UsesClusterEndpoints}: NodePort, LoadBalancer) and leaves empty for a plain ClusterIP
   * (kubernetes/kubernetes#97081).
   */
  List<HostPort> backendsFrom(String node, List<ObservedPod> pods, ProxyMode mode) {
    if (service.spec().internalPolicy() != TrafficPolicy.LOCAL) {
      return readyBackends;
    }
    List<HostPort> local = readyBackends.stream().filter(b -> pods.stream().anyMatch(
        p -> p.ip().equals(Optional.of(b.ip())) && p.node().equals(node))).toList();
    boolean externallyAccessible = ServiceKind.of(service).hasNodePorts();
    return local.isEmpty() && mode == ProxyMode.IPVS && externallyAccessible ? readyBackends
        : local;
  }

  /** {@return the {@code namespace/name:port/protocol} the property reports} */
  @Override
  public String toString() {
    return service.metadata().key() + ":" + port.port() + "/" + port.protocol() + " ("
        + clusterIp + ", ready backends " + readyBackends + ")";
  }
}
