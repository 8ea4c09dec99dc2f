package io.kubenetsim.jqwik;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.NodeHandle;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.dns.DnsLookup;
import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.RecordData;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.Service;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The state an action chain ({@link ClusterActionChainProperties}) drives: a running cluster,
 * with the generated manifests it started from (whose vocabulary new policies draw on), and
 * the whole-cluster invariants checked after every settled step.
 */
final class LiveCluster {
  /** How many client pods each step probes from, so that a step stays cheap. */
  private static final int MAX_CLIENTS = 3;

  final Cluster cluster;
  final ClusterManifests initial;
  final ProxyMode mode;

  LiveCluster(Cluster cluster, ClusterManifests initial, ProxyMode mode) {
    this.cluster = cluster;
    this.initial = initial;
    this.mode = mode;
  }

  /** {@return the user's Services (not kube-system's, not the API server's own)} */
  List<Service> services() {
    return cluster.list(Service.class).stream()
        .filter(s -> !s.metadata().namespace().equals(ObservedPod.KUBE_SYSTEM))
        .filter(s -> ServiceKind.of(s) == ServiceKind.EXTERNAL_NAME || s.spec().hasSelector())
        .toList();
  }

  /** {@return the names of the nodes that are Ready} */
  Set<String> readyNodes() {
    return cluster.nodes().stream().filter(NodeHandle::isReady).map(NodeHandle::name)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** {@return the pods kube-proxy may send traffic to: serving, on a Ready node} */
  List<ObservedPod> servingPods() {
    Set<String> ready = readyNodes();
    return ObservedPod.all(cluster).stream()
        .filter(p -> p.isServing() && ready.contains(p.node())).toList();
  }

  /**
   * Every Service's ready endpoints are exactly the ready, non-terminating pods of its
   * namespace, on Ready nodes, that its selector matches (ExternalName: no slices at all).
   */
  void endpointSlicesHoldExactlyTheServingPods() {
    List<ObservedPod> serving = servingPods();
    for (Service service : services()) {
      List<EndpointSlice> slices = cluster.getService(service.metadata().key().toString())
          .slices();
      if (ServiceKind.of(service) == ServiceKind.EXTERNAL_NAME) {
        assertEquals(List.of(), slices, "slices of ExternalName " + service.metadata().key());
        continue;
      }
      TreeSet<String> expected = new TreeSet<>();
      ExpectedEndpoints.selected(service, serving).forEach(p -> expected.add(p.key()));
      TreeSet<String> actual = new TreeSet<>();
      for (EndpointSlice slice : slices) {
        for (Endpoint endpoint : slice.endpoints()) {
          if (endpoint.conditions().isReady()) {
            actual.add(endpoint.targetRef().map(r -> r.namespace() + "/" + r.name())
                .orElse("(no pod) " + endpoint.addresses()));
          }
        }
      }
      assertEquals(expected, actual, "ready endpoints of " + service.metadata().key()
          + " at " + cluster.elapsed() + "\n" + views());
    }
  }

  /**
   * From up to {@link #MAX_CLIENTS} serving pods, a connection to every Service port either
   * reaches (established or refused by the pod) one of its serving backends that the
   * policies, read by {@link ReferencePolicyModel}, allow the client to reach, or reaches no
   * pod; and it does reach one when there are backends and policy allows them all.
   */
  void connectionsLandOnAllowedServingBackends() {
    List<ObservedPod> serving = servingPods();
    Map<String, ObservedPod> byIp = new TreeMap<>();
    serving.forEach(p -> byIp.put(p.ip().get().toString(), p));
    ReferencePolicyModel model = ReferencePolicyModel.of(
        cluster.list(NetworkPolicy.class), cluster);
    List<VirtualService> ports = VirtualService.of(services(), serving);
    for (ObservedPod client : serving.stream().limit(MAX_CLIENTS).toList()) {
      for (VirtualService vs : ports) {
        List<HostPort> expected = vs.backendsFrom(client.node(), serving, mode);
        Connection c = cluster.getPod(client.key()).connect(vs.clusterIp().toString(),
            vs.port().port(), vs.port().protocol());
        String context = client.key() + " -> " + vs + " at " + cluster.elapsed() + ":\n"
            + c.explain();
        boolean reached = c.verdict() == ConnectionVerdict.ESTABLISHED
            || c.verdict() == ConnectionVerdict.REFUSED;
        if (reached) {
          HostPort backend = c.backend().orElseThrow();
          assertTrue(expected.contains(backend), "reached a backend off " + expected + ": "
              + context);
          assertTrue(model.allowed(client, byIp.get(backend.ip().toString()), backend.port(),
              vs.port().protocol()), "reached a pod the policies deny: " + context);
        } else if (!expected.isEmpty() && expected.stream().allMatch(b -> model.allowed(client,
            byIp.get(b.ip().toString()), b.port(), vs.port().protocol()))) {
          throw new AssertionError("no backend reached, though policy allows them all: "
              + context);
        }
        if (c.isEstablished()) {
          c.close();
        }
      }
    }
  }

  /**
   * Asked from one serving pod, every Service's FQDN that gets an answer gets the right one: a
   * ClusterIP Service its ClusterIP, a headless one exactly its serving pods, an ExternalName a
   * CNAME to its target. A lookup may go unanswered while no CoreDNS pod serves (its node has
   * just failed); CoreDNS answers from its watch of Services and EndpointSlices ({@code
   * plugin/kubernetes}).
   */
  void dnsAnswersFollowServicesAndEndpoints() {
    List<ObservedPod> serving = servingPods();
    if (serving.isEmpty()) {
      return;
    }
    PodHandle client = cluster.getPod(serving.get(0).key());
    for (Service service : services()) {
      String fqdn = service.metadata().name() + "." + service.metadata().namespace()
          + ".svc.cluster.local";
      DnsLookup lookup = client.lookup(fqdn, RecordType.A);
      if (lookup.timedOut()) {
        continue;
      }
      String context = fqdn + " from " + serving.get(0).key() + " at " + cluster.elapsed()
          + ":\n" + lookup;
      switch (ServiceKind.of(service)) {
        case EXTERNAL_NAME -> assertEquals(
            new RecordData.Cname(DnsName.of(service.spec().externalName())),
            lookup.answers().isEmpty() ? null : lookup.answers().get(0).data(), context);
        case HEADLESS -> {
          TreeSet<String> expected = new TreeSet<>();
          ExpectedEndpoints.selected(service, serving)
              .forEach(p -> expected.add(p.ip().get().toString()));
          TreeSet<String> answered = new TreeSet<>();
          lookup.addresses().forEach(ip -> answered.add(ip.toString()));
          assertEquals(expected, answered, context);
        }
        default -> assertEquals(List.of(IpAddress.parse(service.spec().clusterIP())),
            lookup.addresses(), context);
      }
    }
  }

  /** {@return kubectl's views of pods, nodes and slices, for a failure message} */
  String views() {
    return cluster.kubectl("get nodes").stdout() + cluster.kubectl("get pods -A -o wide")
        .stdout() + cluster.kubectl("get endpointslices -A").stdout();
  }

  @Override
  public String toString() {
    return "cluster at " + cluster.elapsed() + " (seed " + cluster.seed() + ", " + mode + ")";
  }
}
