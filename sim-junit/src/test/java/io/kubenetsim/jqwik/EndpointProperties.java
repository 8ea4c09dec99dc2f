package io.kubenetsim.jqwik;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.Service;
import io.kubenetsim.net.HostPort;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The EndpointSlice controller over generated clusters (reference §4): a Service's slices list
 * exactly the ready pods its selector matches, each once, and each with its own resolution of
 * named target ports; kube-proxy's backends are the ready endpoints' {@code ip:targetPort}.
 * Upstream: {@code pkg/controller/endpointslice} {@code reconciler.reconcile}, which builds one
 * endpoint per selected pod with {@code ready} from {@code podutil.IsPodReady} and groups pods
 * by the ports {@code endpointutil.GetPodServicePorts}/{@code podutil.FindPort} resolve for
 * them; kube-proxy's {@code EndpointsMap} keeps the ready ones (reconciler_test.go {@code
 * TestReconcileEndpointSlicesNamedPorts}).
 */
class EndpointProperties {

  @Provide
  Arbitrary<ClusterManifests> clusters() {
    return KubeArbitraries.clusters(ClusterShape.defaults().withMaxPolicies(0));
  }

  /**
   * Every Service that selects pods has ready endpoints for exactly the ready pods of its
   * namespace its selector matches, each address once, each pointing at the pod that holds the
   * address; an ExternalName Service has no slices; and the backends kube-proxy balances over
   * ({@code ServiceHandle.endpoints()}) are those pods at their resolved target ports.
   */
  @Property(tries = 30)
  void endpointSlicesHoldExactlyTheReadyPodsTheSelectorMatchesEachOnce(
      @ForAll("clusters") ClusterManifests manifests, @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 3) int nodes) {
    Cluster cluster = manifests.build(seed, nodes, ProxyMode.IPTABLES);
    List<ObservedPod> pods = ObservedPod.all(cluster);
    Map<String, ObservedPod> byKey = ObservedPod.byKey(cluster);
    for (Service service : manifests.services()) {
      ServiceHandle handle = cluster.getService(service.metadata().key().toString());
      if (!ServiceKind.of(service).selectsPods()) {
        assertEquals(List.of(), handle.slices(), "slices of ExternalName " + service);
        continue;
      }
      List<String> readyAddresses = new ArrayList<>();
      for (EndpointSlice slice : handle.slices()) {
        for (Endpoint endpoint : slice.endpoints()) {
          assertTrue(endpoint.targetRef().isPresent(), "endpoint without a pod: " + endpoint);
          String pod = endpoint.targetRef().get().namespace() + "/"
              + endpoint.targetRef().get().name();
          assertEquals(List.of(byKey.get(pod).ip().orElseThrow().toString()),
              endpoint.addresses(), "addresses of " + pod + "'s endpoint in " + slice);
          if (endpoint.conditions().isReady()) {
            readyAddresses.add(endpoint.addresses().get(0));
          }
        }
      }
      List<String> expected = ExpectedEndpoints.ready(service, pods).stream()
          .map(p -> p.ip().get().toString()).sorted().toList();
      assertEquals(expected, readyAddresses.stream().sorted().toList(),
          "ready endpoint addresses of " + service + " in " + handle.slices());
      List<HostPort> backends = ExpectedEndpoints.backends(service, pods);
      assertEquals(backends, handle.endpoints(), "kube-proxy's backends of " + service);
      Statistics.label("Service has ready endpoints").collect(!expected.isEmpty());
    }
  }

  /**
   * Every endpoint of a Service sits in a slice whose ports are that pod's own resolution of
   * the service ports: a numeric targetPort as written, a named one the number the pod declares
   * under that name and protocol, and no entry where the pod has no such name.
   */
  @Property(tries = 30)
  void namedTargetPortsAreResolvedPerPod(@ForAll("clusters") ClusterManifests manifests) {
    Cluster cluster = manifests.build(11, 2, ProxyMode.IPVS);
    Map<String, ObservedPod> byKey = ObservedPod.byKey(cluster);
    for (Service service : manifests.services()) {
      if (!ServiceKind.of(service).selectsPods()) {
        continue;
      }
      Service stored = cluster.getService(service.metadata().key().toString()).get();
      for (EndpointSlice slice : cluster.getService(service.metadata().key().toString())
          .slices()) {
        for (Endpoint endpoint : slice.endpoints()) {
          ObservedPod pod = byKey.get(endpoint.targetRef().get().namespace() + "/"
              + endpoint.targetRef().get().name());
          Set<EndpointPort> expected = new HashSet<>(ExpectedEndpoints.slicePorts(stored, pod));
          assertEquals(expected, new HashSet<>(slice.ports()),
              "ports of the slice holding " + pod.key() + " for " + service);
          Statistics.label("named targetPort").collect(service.spec().ports().stream()
              .anyMatch(p -> !p.targetPort().isInt()));
        }
      }
    }
  }
}
