package io.kubenetsim.jqwik;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.ExternalClient;
import io.kubenetsim.NodeHandle;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.model.TrafficPolicy;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Address translation over generated clusters (reference §5.3–5.5): kube-proxy DNATs a
 * Service address to a backend {@code podIP:targetPort}, masquerades (SNATs to a node address)
 * only where upstream's rules jump to {@code KUBE-MARK-MASQ}, and an open connection follows
 * its conntrack entry. No NetworkPolicy, so kube-proxy alone decides.
 *
 * <p>Not covered: the un-NAT of replies (a reply's source being the Service address) is not
 * visible through the API ({@link Connection} reports the forward path only); the third
 * property checks the conntrack entry the reverse translation rides on instead.
 */
class NatProperties {

  private static final ClusterShape SHAPE = ClusterShape.defaults().withMaxPolicies(0);
  private static final String OUTSIDE = "203.0.113.7";

  @Provide
  Arbitrary<ClusterManifests> clusters() {
    return KubeArbitraries.clusters(SHAPE.withServiceKinds(ServiceKind.CLUSTER_IP,
        ServiceKind.NODE_PORT, ServiceKind.LOAD_BALANCER)).filter(m -> !m.services().isEmpty());
  }

  @Provide
  Arbitrary<ClusterManifests> clustersWithNodePorts() {
    return KubeArbitraries.clusters(SHAPE.withServiceKinds(ServiceKind.NODE_PORT,
        ServiceKind.LOAD_BALANCER)).filter(m -> !m.services().isEmpty());
  }

  /**
   * Pod to ClusterIP: the connection is DNATed to a ready backend {@code podIP:targetPort}, and
   * the backend sees the client pod's own address, unmasqueraded, unless the client reached
   * itself (hairpin, which must be masqueraded for the reply to come back through the node).
   * Upstream: {@code syncProxyRules} marks ClusterIP traffic for masquerade only from sources
   * outside the cluster ({@code ! -s <clusterCIDR>} or the local-detector's negation) and in
   * each {@code KUBE-SEP-…} only {@code -s <endpointIP>} (iptables proxier_test.go {@code
   * TestOverallIPTablesRules}); IPVS the same through {@code KUBE-CLUSTER-IP} and {@code
   * KUBE-LOOP-BACK}.
   */
  @Property(tries = 40)
  void podToClusterIpIsDnatedToABackendAndKeepsThePodSource(
      @ForAll("clusters") ClusterManifests manifests, @ForAll ProxyMode mode,
      @ForAll @IntRange(min = 1, max = 3) int nodes) {
    Cluster cluster = ServiceEdits.withoutAffinity(manifests).build(13, nodes, mode);
    List<ObservedPod> pods = ObservedPod.all(cluster);
    ObservedPod client = LoadBalancingProperties.client(manifests, cluster);
    IpAddress clientIp = client.ip().orElseThrow();
    for (VirtualService vs : VirtualService.all(cluster, manifests)) {
      List<HostPort> expected = vs.backendsFrom(client.node(), pods, mode);
      if (expected.isEmpty()) {
        continue;
      }
      for (Connection c : LoadBalancingProperties.connect(cluster, client, vs, 2)) {
        Landing.assertLandsOn(expected, c, "DNAT of " + vs + " in " + mode + ":\n"
            + c.explain());
        boolean hairpin = c.backend().get().ip().equals(clientIp);
        Statistics.label("hairpin").collect(hairpin);
        assertEquals(hairpin, c.masqueraded(), "masquerade of " + client.key() + " -> " + vs
            + " in " + mode + ":\n" + c.explain());
        if (!hairpin) {
          assertEquals(clientIp, c.sourceSeenByBackend(),
              "source seen by the backend of " + vs + ":\n" + c.explain());
        }
      }
    }
  }

  /**
   * NodePort from outside the cluster, at every node. With {@code externalTrafficPolicy:
   * Cluster} any node answers with a ready backend, masquerading the client: a backend on
   * another node sees the entry node's address (the reply must return through it). With
   * {@code Local} only nodes with a ready backend of their own answer, always with a local one,
   * and the backend sees the client's own address; the other nodes never answer. Upstream:
   * {@code syncProxyRules} writes {@code KUBE-EXT-…} jumping to {@code KUBE-MARK-MASQ} for
   * Cluster, and for Local to {@code KUBE-SVL-…} with "has no local endpoints" {@code DROP}
   * when there is none (iptables proxier_test.go {@code TestOnlyLocalNodePorts}); IPVS's
   * {@code syncEndpoint} instead falls back to the cluster endpoints so that local pods still
   * reach the Service (kubernetes/kubernetes#97081), and an outside client's packet forwarded
   * unmasqueraded gets a reply from the pod address, which the client discards.
   */
  @Property(tries = 40)
  void nodePortsMasqueradeForClusterAndPreserveTheSourceForLocal(
      @ForAll("clustersWithNodePorts") ClusterManifests manifests, @ForAll ProxyMode mode,
      @ForAll @IntRange(min = 1, max = 3) int nodes) {
    Cluster cluster = ServiceEdits.withoutAffinity(manifests).build(17, nodes, mode);
    List<ObservedPod> pods = ObservedPod.all(cluster);
    ExternalClient outside = cluster.external(OUTSIDE);
    for (VirtualService vs : VirtualService.all(cluster, manifests)) {
      boolean local = vs.service().spec().externalPolicy() == TrafficPolicy.LOCAL;
      for (NodeHandle node : cluster.nodes()) {
        String nodeIp = node.internalIP().orElseThrow();
        List<HostPort> expected = local ? onNode(vs.readyBackends(), pods, node.name())
            : vs.readyBackends();
        Connection c = outside.connect(nodeIp, vs.port().nodePort(), vs.port().protocol());
        String context = OUTSIDE + " -> " + nodeIp + ":" + vs.port().nodePort() + " ("
            + node.name() + ") for " + vs + ", externalTrafficPolicy " + (local ? "Local"
            : "Cluster") + ", " + mode + ":\n" + c.explain();
        if (expected.isEmpty()) {
          assertFalse(c.isEstablished(), "answered without a backend: " + context);
          if (local && mode != ProxyMode.IPVS && !vs.readyBackends().isEmpty()) {
            assertEquals(Optional.empty(), c.backend(), "not dropped: " + context);
          }
          continue;
        }
        Statistics.label("policy").collect(local ? "Local" : "Cluster");
        Landing.assertLandsOn(expected, c, context);
        assertEquals(!local, c.masqueraded(), "masquerade: " + context);
        if (local) {
          assertEquals(IpAddress.parse(OUTSIDE), c.sourceSeenByBackend(), "source: " + context);
        } else if (!onNode(List.of(c.backend().get()), pods, node.name()).isEmpty()) {
          assertFalse(IpAddress.parse(OUTSIDE).equals(c.sourceSeenByBackend()),
              "source of a local backend: " + context);
        } else {
          assertEquals(IpAddress.parse(nodeIp), c.sourceSeenByBackend(), "source: " + context);
        }
        if (c.isEstablished()) {
          c.close();
        }
      }
    }
  }

  /**
   * Through a LoadBalancer's ingress IP an outside client reaches a ready backend whenever the
   * port has one, whichever the policy: with {@code Cluster} masqueraded, with {@code Local}
   * with its own address preserved. Upstream: the cloud's load balancer sends traffic only to
   * nodes whose {@code healthCheckNodePort} answers, and kube-proxy's health server ({@code
   * pkg/proxy/healthcheck} {@code service_health.go}) answers 200 only on nodes with a local
   * ready endpoint under {@code Local}; the node then handles it as NodePort traffic.
   */
  @Property(tries = 30)
  void aLoadBalancerIpReachesAReadyBackendWheneverThereIsOne(
      @ForAll("loadBalancers") ClusterManifests manifests, @ForAll ProxyMode mode,
      @ForAll @IntRange(min = 1, max = 3) int nodes) {
    Cluster cluster = ServiceEdits.withoutAffinity(manifests).build(41, nodes, mode);
    ExternalClient outside = cluster.external(OUTSIDE);
    for (VirtualService vs : VirtualService.all(cluster, manifests)) {
      if (vs.readyBackends().isEmpty()) {
        continue;
      }
      boolean local = vs.service().spec().externalPolicy() == TrafficPolicy.LOCAL;
      List<String> ingress = cluster.getService(vs.service().metadata().key().toString())
          .loadBalancerIngress();
      assertFalse(ingress.isEmpty(), "no ingress IP for " + vs);
      Connection c = outside.connect(ingress.get(0), vs.port().port(), vs.port().protocol());
      String context = OUTSIDE + " -> " + ingress.get(0) + ":" + vs.port().port() + " for "
          + vs + ", externalTrafficPolicy " + (local ? "Local" : "Cluster") + ", " + mode
          + ":\n" + c.explain();
      Statistics.label("policy").collect(local ? "Local" : "Cluster");
      Landing.assertLandsOn(vs.readyBackends(), c, context);
      assertTrue(c.verdict() == ConnectionVerdict.ESTABLISHED
          || c.verdict() == ConnectionVerdict.REFUSED, "no answer: " + context);
      assertEquals(!local, c.masqueraded(), "masquerade: " + context);
      if (local) {
        assertEquals(IpAddress.parse(OUTSIDE), c.sourceSeenByBackend(), "source: " + context);
      }
      if (c.isEstablished()) {
        c.close();
      }
    }
  }

  @Provide
  Arbitrary<ClusterManifests> loadBalancers() {
    return KubeArbitraries.clusters(SHAPE.withServiceKinds(ServiceKind.LOAD_BALANCER))
        .filter(m -> !m.services().isEmpty());
  }

  /**
   * An open TCP connection keeps going to the backend its conntrack entry recorded while that
   * backend lives, even when another backend of the Service goes away; once its own backend is
   * gone, requests get no answer. Upstream: kube-proxy rewrites only the first packet of a flow
   * (the {@code nat} table sees {@code NEW} connections only); later packets, and the replies'
   * reverse translation, follow the conntrack entry ({@code pkg/proxy/conntrack} clears entries
   * of removed UDP endpoints only).
   */
  @Property(tries = 30)
  void anOpenConnectionFollowsItsConntrackEntry(
      @ForAll("clusters") ClusterManifests manifests, @ForAll ProxyMode mode) {
    Cluster cluster = ServiceEdits.withoutAffinity(manifests).build(19, 2, mode);
    List<ObservedPod> pods = ObservedPod.all(cluster);
    ObservedPod client = LoadBalancingProperties.client(manifests, cluster);
    Map<String, ObservedPod> byIp = new TreeMap<>();
    pods.forEach(p -> p.ip().ifPresent(ip -> byIp.put(ip.toString(), p)));
    VirtualService vs = VirtualService.all(cluster, manifests).stream()
        .filter(v -> v.port().protocol() == Protocol.TCP)
        .filter(v -> v.backendsFrom(client.node(), pods, mode).size() >= 2).findFirst()
        .orElse(null);
    Statistics.label("TCP port with 2+ backends").collect(vs != null);
    if (vs == null) {
      return;
    }
    Connection c = cluster.getPod(client.key()).connect(vs.clusterIp().toString(),
        vs.port().port(), Protocol.TCP);
    if (!c.isEstablished()) {
      return; // nothing listens on the target port: REFUSED, no conntrack entry to follow
    }
    ObservedPod own = byIp.get(c.backend().get().ip().toString());
    ObservedPod other = vs.backendsFrom(client.node(), pods, mode).stream()
        .map(b -> byIp.get(b.ip().toString()))
        .filter(p -> !p.key().equals(own.key()) && !p.key().equals(client.key()))
        .findFirst().orElse(null);
    if (other != null) {
      cluster.getPod(other.key()).delete();
      cluster.settle();
      assertEquals(ConnectionVerdict.ESTABLISHED, c.request(), "a request to " + own.key()
          + " after " + other.key() + " went away:\n" + c.explain());
    }
    if (!own.key().equals(client.key())) {
      cluster.getPod(own.key()).delete();
      cluster.settle();
      assertEquals(ConnectionVerdict.TIMED_OUT, c.request(),
          "a request after the backend " + own.key() + " went away:\n" + c.explain());
    }
  }

  private static List<HostPort> onNode(List<HostPort> backends, List<ObservedPod> pods,
      String node) {
    return backends.stream().filter(b -> pods.stream().anyMatch(
        p -> p.ip().equals(Optional.of(b.ip())) && p.node().equals(node))).toList();
  }
}
