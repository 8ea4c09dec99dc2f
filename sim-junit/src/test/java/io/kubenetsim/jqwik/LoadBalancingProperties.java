package io.kubenetsim.jqwik;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.HostPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * kube-proxy's choice of backend over generated clusters (reference §5): which endpoints a
 * connection to a ClusterIP may land on, how IPVS spreads connections, what session affinity
 * pins, and what a port without endpoints answers. The clusters hold no NetworkPolicy, so
 * every outcome is kube-proxy's alone. Each try builds and settles a cluster; tries are few.
 */
class LoadBalancingProperties {

  private static final ClusterShape SHAPE = ClusterShape.defaults().withMaxPolicies(0)
      .withServiceKinds(ServiceKind.CLUSTER_IP, ServiceKind.NODE_PORT, ServiceKind.LOAD_BALANCER);

  @Provide
  Arbitrary<ClusterManifests> clusters() {
    return KubeArbitraries.clusters(SHAPE).filter(m -> !m.services().isEmpty());
  }

  @Provide
  Arbitrary<ProxyMode> randomModes() {
    return Arbitraries.of(ProxyMode.IPTABLES, ProxyMode.NFTABLES);
  }

  /**
   * IPVS round robin: {@code n} connections from one client to a service port with {@code k >
   * 0} ready backends (its node's own, with {@code internalTrafficPolicy: Local}) land only on
   * them, reach every one once {@code n >= k}, and no backend gets more than one connection more
   * than another. Upstream: the IPVS proxier ({@code pkg/proxy/ipvs/proxier.go}
   * {@code syncService}/{@code syncEndpoint}) gives every virtual server the {@code rr}
   * scheduler with the ready endpoints as real servers, and the kernel's {@code ip_vs_rr}
   * hands new connections to the real servers in turn; a skipped or doubled server breaks the
   * even spread.
   */
  @Property(tries = 40)
  void ipvsRoundRobinReachesEveryReadyBackendEvenly(
      @ForAll("clusters") ClusterManifests manifests,
      @ForAll @IntRange(min = 1, max = 3) int rounds,
      @ForAll @IntRange(min = 0, max = 2) int extra) {
    Cluster cluster = ServiceEdits.withoutAffinity(manifests).build(7, 2, ProxyMode.IPVS);
    List<ObservedPod> pods = ObservedPod.all(cluster);
    ObservedPod client = client(manifests, cluster);
    for (VirtualService vs : VirtualService.all(cluster, manifests)) {
      List<HostPort> expected = vs.backendsFrom(client.node(), pods, ProxyMode.IPVS);
      Statistics.label("ready backends").collect(expected.size());
      if (expected.isEmpty()) {
        continue;
      }
      int n = rounds * expected.size() + extra;
      Map<HostPort, Integer> counts = new TreeMap<>(HostPort.BY_TEXT);
      expected.forEach(b -> counts.put(b, 0));
      for (Connection c : connect(cluster, client, vs, n)) {
        HostPort backend = c.backend().orElseThrow(() -> new AssertionError(
            "no backend for " + vs + ":\n" + c.explain()));
        assertTrue(counts.containsKey(backend), backend + " is not a ready backend of " + vs
            + ":\n" + c.explain());
        counts.merge(backend, 1, Integer::sum);
      }
      int most = counts.values().stream().max(Integer::compare).orElseThrow();
      int least = counts.values().stream().min(Integer::compare).orElseThrow();
      assertTrue(most - least <= 1, n + " connections to " + vs + " spread unevenly: " + counts);
      assertTrue(least >= 1, n + " connections to " + vs + " left a backend out: " + counts);
    }
  }

  /**
   * iptables and nftables: every connection to a service port lands on one of its ready
   * backends (its node's own under {@code internalTrafficPolicy: Local}), and the rules offered
   * exactly those. Upstream: {@code pkg/proxy/iptables/proxier.go} {@code syncProxyRules}
   * writes one {@code KUBE-SEP-…} jump per ready endpoint in the service chain, each with
   * {@code -m statistic --mode random --probability 1/(n-i)}, and the nftables proxier a
   * {@code numgen random mod n} vmap over the same endpoints (proxier_test.go {@code
   * TestInternalTrafficPolicy}); a not-ready or unselected pod in the chain is a bug.
   */
  @Property(tries = 40)
  void randomChainsOnlyLandOnReadyBackendsOfTheService(
      @ForAll("clusters") ClusterManifests manifests, @ForAll("randomModes") ProxyMode mode,
      @ForAll long seed) {
    Cluster cluster = ServiceEdits.withoutAffinity(manifests).build(seed, 2, mode);
    List<ObservedPod> pods = ObservedPod.all(cluster);
    ObservedPod client = client(manifests, cluster);
    for (VirtualService vs : VirtualService.all(cluster, manifests)) {
      List<HostPort> expected = vs.backendsFrom(client.node(), pods, mode);
      if (expected.isEmpty()) {
        continue;
      }
      for (Connection c : connect(cluster, client, vs, 3 * expected.size())) {
        Landing.assertLandsOn(expected, c, "connection to " + vs + " in " + mode + ":\n"
            + c.explain());
        assertEquals(sorted(expected), sorted(c.candidates()),
            "the " + mode + " rules' candidates for " + vs);
      }
    }
  }

  /**
   * {@code sessionAffinity: ClientIP}: repeated connections from one client to a service port
   * all reach the same ready backend, in every proxy mode. Upstream: iptables {@code
   * syncProxyRules} adds {@code -m recent --rcheck --seconds <timeout>} per endpoint, nftables
   * an affinity set per endpoint, IPVS a persistent virtual server ({@code -p <timeout>});
   * ipvs/proxier_test.go and iptables/proxier_test.go {@code TestSessionAffinity}.
   */
  @Property(tries = 30)
  void clientIpAffinityPinsEveryConnectionOfAClientToOneBackend(
      @ForAll("clusters") ClusterManifests manifests, @ForAll ProxyMode mode,
      @ForAll @IntRange(min = 2, max = 6) int repeats) {
    Cluster cluster = ServiceEdits.withClientIpAffinity(manifests).build(3, 2, mode);
    List<ObservedPod> pods = ObservedPod.all(cluster);
    ObservedPod client = client(manifests, cluster);
    for (VirtualService vs : VirtualService.all(cluster, manifests)) {
      List<HostPort> expected = vs.backendsFrom(client.node(), pods, mode);
      if (expected.isEmpty()) {
        continue;
      }
      TreeSet<String> reached = new TreeSet<>();
      for (Connection c : connect(cluster, client, vs, repeats)) {
        Landing.assertLandsOn(expected, c, "connection to " + vs + " in " + mode + ":\n"
            + c.explain());
        reached.add(c.backend().get().toString());
      }
      assertEquals(1, reached.size(), repeats + " connections from " + client.key() + " to "
          + vs + " with ClientIP affinity in " + mode + " reached " + reached);
      Statistics.label("backends to choose from").collect(expected.size() > 1 ? "2+" : "1");
    }
  }

  /**
   * A service port with no ready endpoint rejects every connection to its ClusterIP (the
   * client sees ICMP port unreachable, not a timeout), in every proxy mode. Upstream: {@code
   * syncProxyRules} writes {@code -j REJECT} "has no endpoints" into the filter table's {@code
   * KUBE-SERVICES} (iptables and nftables proxier_test.go {@code TestNoEndpointsReject}); an
   * IPVS virtual server without real servers is refused by the kernel. Now and then every
   * Deployment is scaled to zero first, so that whole Services lose their endpoints.
   */
  @Property(tries = 30)
  void aPortWithoutReadyEndpointsRejectsInEveryMode(
      @ForAll("clusters") ClusterManifests manifests, @ForAll ProxyMode mode,
      @ForAll boolean scaleDeploymentsToZero) {
    Cluster cluster = manifests.build(5, 2, mode);
    if (scaleDeploymentsToZero) {
      manifests.deployments().forEach(d -> cluster.getDeployment(d.metadata().key().toString())
          .scale(0));
      cluster.settle();
    }
    ObservedPod client = client(manifests, cluster);
    for (VirtualService vs : VirtualService.all(cluster, manifests)) {
      if (!vs.readyBackends().isEmpty()) {
        continue;
      }
      Statistics.label("ports without endpoints").collect(mode);
      for (Connection c : connect(cluster, client, vs, 1)) {
        assertEquals(ConnectionVerdict.REJECTED, c.verdict(),
            "connection to " + vs + " without endpoints in " + mode + ":\n" + c.explain());
      }
    }
  }

  // ---- helpers ----

  /** {@return the first generated client pod, as it runs} */
  static ObservedPod client(ClusterManifests manifests, Cluster cluster) {
    String key = manifests.clients().get(0).metadata().key().toString();
    return ObservedPod.byKey(cluster).get(key);
  }

  /** {@return {@code n} connections from {@code client} to the port's ClusterIP, each closed} */
  static List<Connection> connect(Cluster cluster, ObservedPod client, VirtualService vs,
      int n) {
    PodHandle handle = cluster.getPod(client.key());
    List<Connection> made = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Connection c = handle.connect(vs.clusterIp().toString(), vs.port().port(),
          vs.port().protocol());
      if (c.isEstablished()) {
        c.close();
      }
      made.add(c);
    }
    return made;
  }

  private static List<String> sorted(List<HostPort> backends) {
    return backends.stream().map(HostPort::toString).sorted().toList();
  }
}
