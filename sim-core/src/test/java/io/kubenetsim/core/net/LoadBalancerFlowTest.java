package io.kubenetsim.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.NodeHandle;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.model.ServiceType;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.Hop;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The seed's LoadBalancer flow, traced hop by hop from a client outside the cluster: the cloud
 * load balancer hands LB IP:port to a node's NodePort, kube-proxy maps the NodePort to the
 * Service, and the Service DNATs to a pod's targetPort. The source the backend sees depends on
 * externalTrafficPolicy (§5.4), and loadBalancerSourceRanges keep other clients out.
 */
class LoadBalancerFlowTest {

  private static final String CLIENT = "198.51.100.7";

  private static Cluster shop(ProxyMode mode) {
    return TrafficFixtures.shop(mode, 21, 3, List.of());
  }

  private static Set<IpAddress> nodeIps(Cluster c) {
    return c.nodes().stream().map(n -> IpAddress.parse(n.internalIP().orElseThrow()))
        .collect(Collectors.toSet());
  }

  /** Every hop, in order, with the addresses the seed names; the last is a ready pod. */
  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void externalClientGoesLbToNodePortToClusterIpToPod(ProxyMode mode) {
    Cluster c = shop(mode);
    ServiceHandle lb = c.service("shop/web").selector("app", "web").port("http", 80, "http")
        .type(ServiceType.LOAD_BALANCER).create();
    c.settle();
    String lbIp = lb.loadBalancerIngress().get(0);
    int nodePort = lb.nodePort(80);
    HostPort clusterIpPort = HostPort.of(IpAddress.parse(lb.clusterIP()), 80);
    Connection conn = c.external(CLIENT).connect(lbIp, 80);
    String why = mode + ":\n" + conn.explain();
    assertEquals(ConnectionVerdict.ESTABLISHED, conn.verdict(), why);
    List<Hop> hops = conn.hops();
    assertEquals(3, hops.size(), why);

    Hop cloud = hops.get(0);
    assertEquals(HostPort.of(IpAddress.parse(lbIp), 80), cloud.from(),
        "hop 0 starts at the LB IP: " + why);
    IpAddress nodeIp = cloud.to().ip();
    assertTrue(nodeIps(c).contains(nodeIp), "hop 0 goes to a node IP: " + why);
    assertEquals(HostPort.of(nodeIp, nodePort), cloud.to(), "hop 0 goes to the NodePort: " + why);

    Hop nodePortHop = hops.get(1);
    assertEquals(HostPort.of(nodeIp, nodePort), nodePortHop.from(),
        "hop 1 starts where 0 ended: " + why);
    assertEquals(clusterIpPort, nodePortHop.to(), "hop 1 reaches the ClusterIP: " + why);

    Hop dnat = hops.get(2);
    assertEquals(clusterIpPort, dnat.from(), "hop 2 starts at the ClusterIP: " + why);
    assertTrue(lb.endpoints().contains(dnat.to()), "hop 2 DNATs to a ready endpoint "
        + lb.endpoints() + ": " + why);
    assertEquals(8080, dnat.to().port(), "hop 2 uses the resolved targetPort 8080: " + why);
    assertEquals(dnat.to(), conn.backend().orElseThrow(), why);
    // The node the cloud picked is where kube-proxy's rules ran.
    String entry = c.nodes().stream()
        .filter(n -> IpAddress.parse(n.internalIP().orElseThrow()).equals(nodeIp))
        .map(NodeHandle::name).findFirst().orElseThrow();
    assertEquals(entry, nodePortHop.node(), why);
    assertEquals(entry, dnat.node(), why);
  }

  /** Cluster policy masquerades to the entry node's IP; Local keeps the client's address. */
  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void backendSeesANodeIpUnderClusterPolicyAndTheClientUnderLocal(ProxyMode mode) {
    Cluster c = shop(mode);
    ServiceHandle cluster = c.service("shop/cluster").selector("app", "web")
        .port("http", 80, "http").type(ServiceType.LOAD_BALANCER)
        .externalTrafficPolicy("Cluster").create();
    ServiceHandle local = c.service("shop/local").selector("app", "web")
        .port("http", 80, "http").type(ServiceType.LOAD_BALANCER)
        .externalTrafficPolicy("Local").create();
    c.settle();
    for (int i = 0; i < 10; i++) {
      Connection viaCluster = c.external(CLIENT).connect(cluster.loadBalancerIngress().get(0), 80);
      assertEquals(ConnectionVerdict.ESTABLISHED, viaCluster.verdict(), viaCluster.explain());
      assertTrue(nodeIps(c).contains(viaCluster.sourceSeenByBackend()),
          "Cluster policy: backend sees a node IP, got " + viaCluster.sourceSeenByBackend()
              + "\n" + viaCluster.explain());
      IpAddress entryIp = viaCluster.hops().get(0).to().ip();
      assertEquals(entryIp, viaCluster.sourceSeenByBackend(),
          "masqueraded to the entry node's IP: " + viaCluster.explain());

      Connection viaLocal = c.external(CLIENT).connect(local.loadBalancerIngress().get(0), 80);
      assertEquals(ConnectionVerdict.ESTABLISHED, viaLocal.verdict(), viaLocal.explain());
      assertEquals(IpAddress.parse(CLIENT), viaLocal.sourceSeenByBackend(),
          "Local policy preserves the client IP: " + viaLocal.explain());
      // Local: the backend is on the node the traffic entered at.
      String entryNode = viaLocal.hops().get(1).node();
      String pod = viaLocal.backendPod().orElseThrow();
      assertEquals(entryNode, c.getPod(pod).node().orElseThrow(),
          "Local policy keeps traffic on the entry node: " + viaLocal.explain());
    }
  }

  /** A source range that excludes the client keeps it out; a client inside it gets through. */
  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void loadBalancerSourceRangesAdmitOnlyListedClients(ProxyMode mode) {
    Cluster c = shop(mode);
    ServiceHandle lb = c.service("shop/web").selector("app", "web").port("http", 80, "http")
        .type(ServiceType.LOAD_BALANCER).loadBalancerSourceRange("192.0.2.0/24").create();
    c.settle();
    String lbIp = lb.loadBalancerIngress().get(0);
    Connection allowed = c.external("192.0.2.10").connect(lbIp, 80);
    assertEquals(ConnectionVerdict.ESTABLISHED, allowed.verdict(),
        "192.0.2.10 is inside 192.0.2.0/24: " + allowed.explain());
    for (int i = 0; i < 10; i++) { // whichever node the cloud picks
      Connection denied = c.external(CLIENT).connect(lbIp, 80);
      assertNotEquals(ConnectionVerdict.ESTABLISHED, denied.verdict(),
          CLIENT + " is outside 192.0.2.0/24: " + denied.explain());
      assertTrue(denied.backend().isEmpty(), "no backend for a denied client: "
          + denied.explain());
    }
  }
}
