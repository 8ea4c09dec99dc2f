package io.kubenetsim.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.model.ServiceType;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Connections through the whole path, in each proxy mode: pod to ClusterIP reaches a ready
 * backend with the pod's own address as source; pod to pod IP goes straight there; a Service
 * without endpoints is rejected; an undeclared port is refused; an external client reaches a
 * LoadBalancer through LB, NodePort, Service and pod hops, masqueraded under Cluster policy and
 * not under Local; an established connection keeps its backend and times out when it goes.
 */
class DataplaneTest {

  private static Cluster shop(ProxyMode mode) {
    return TrafficFixtures.shop(mode, 5, 3, List.of("client"));
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void podToClusterIpReachesAReadyBackendUnmasqueraded(ProxyMode mode) {
    Cluster c = shop(mode);
    ServiceHandle web = c.expose("shop/web").port(80).targetPort("http").create();
    c.settle();
    PodHandle client = c.getPod("shop/client");
    Connection conn = client.connect(web, 80);
    assertEquals(ConnectionVerdict.ESTABLISHED, conn.verdict(), conn.explain());
    assertTrue(web.endpoints().contains(conn.backend().orElseThrow()), conn.explain());
    assertEquals(IpAddress.parse(client.ip().orElseThrow()), conn.sourceSeenByBackend(),
        conn.explain());
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void podToPodIpGoesStraightThereAndUndeclaredPortsAreRefused(ProxyMode mode) {
    Cluster c = shop(mode);
    PodHandle target = c.pods("shop", "app=web").get(0);
    PodHandle client = c.getPod("shop/client");
    Connection direct = client.connect(target.ip().orElseThrow(), 8080);
    assertEquals(ConnectionVerdict.ESTABLISHED, direct.verdict(), direct.explain());
    assertEquals("shop/" + target.name(), direct.backendPod().orElseThrow());
    assertEquals(ConnectionVerdict.REFUSED,
        client.connect(target.ip().orElseThrow(), 9999).verdict());
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void aServiceWithoutEndpointsIsRejected(ProxyMode mode) {
    Cluster c = shop(mode);
    ServiceHandle none = c.service("shop/none").selector("app", "nothing").port(80).create();
    c.settle();
    Connection conn = c.getPod("shop/client").connect(none, 80);
    assertEquals(ConnectionVerdict.REJECTED, conn.verdict(), conn.explain());
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void externalClientFollowsTheSeedsLoadBalancerFlow(ProxyMode mode) {
    Cluster c = shop(mode);
    ServiceHandle lb = c.expose("shop/web").port(80).targetPort("http")
        .type(ServiceType.LOAD_BALANCER).create();
    c.settle();
    Connection conn = c.external("203.0.113.7").connect(lb.loadBalancerIngress().get(0), 80);
    assertEquals(ConnectionVerdict.ESTABLISHED, conn.verdict(), conn.explain());
    assertEquals(3, conn.hops().size(), conn.explain());
    assertEquals(lb.nodePort(80), conn.hops().get(0).to().port(), conn.explain());
    assertEquals(HostPort.of(IpAddress.parse(lb.clusterIP()), 80), conn.hops().get(1).to(),
        conn.explain());
    assertTrue(c.nodes().stream().anyMatch(n -> IpAddress.parse(n.internalIP().orElseThrow())
        .equals(conn.sourceSeenByBackend())), "Cluster policy masquerades: " + conn.explain());
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void externalTrafficPolicyLocalPreservesTheClientAddress(ProxyMode mode) {
    Cluster c = shop(mode);
    ServiceHandle lb = c.service("shop/local").selector("app", "web").port("http", 80, "http")
        .type(ServiceType.LOAD_BALANCER).externalTrafficPolicy("Local").create();
    c.settle();
    Connection conn = c.external("203.0.113.7").connect(lb.loadBalancerIngress().get(0), 80);
    assertEquals(ConnectionVerdict.ESTABLISHED, conn.verdict(), conn.explain());
    assertEquals(IpAddress.parse("203.0.113.7"), conn.sourceSeenByBackend(), conn.explain());
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void anEstablishedConnectionKeepsItsBackendUntilTheBackendGoes(ProxyMode mode) {
    Cluster c = shop(mode);
    ServiceHandle web = c.expose("shop/web").port(80).targetPort("http").create();
    c.settle();
    Connection conn = c.getPod("shop/client").connect(web, 80);
    String backend = conn.backendPod().orElseThrow();
    c.getDeployment("shop/web").scale(6);
    c.settle();
    assertEquals(ConnectionVerdict.ESTABLISHED, conn.request(), "conntrack keeps the backend");
    c.getPod(backend).delete();
    c.settle();
    assertEquals(ConnectionVerdict.TIMED_OUT, conn.request(), "the backend pod is gone");
  }

  @ParameterizedTest
  @EnumSource(value = ProxyMode.class, names = "IPVS")
  void ipvsRoundRobinGivesEveryEndpointExactlyItsShare(ProxyMode mode) {
    Cluster c = shop(mode);
    ServiceHandle web = c.expose("shop/web").port(80).targetPort("http").create();
    c.settle();
    PodHandle client = c.getPod("shop/client");
    List<HostPort> backends = java.util.stream.IntStream.range(0, 300)
        .mapToObj(i -> client.connect(web, 80).backend().orElseThrow()).toList();
    Set<Long> counts = backends.stream().collect(Collectors.groupingBy(b -> b,
        () -> new java.util.TreeMap<>(HostPort.BY_TEXT), Collectors.counting())).values()
        .stream().collect(Collectors.toSet());
    assertEquals(Set.of(100L), counts, "3 endpoints x 100 connections each: " + backends);
  }
}
