package io.kubenetsim.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.NodeHandle;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.model.ServiceType;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.PacketTrace;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.RuleOutcome;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Services that cannot be served where the packet arrives. No endpoints anywhere: REJECT
 * (ICMP port unreachable, connection refused at once) in every mode. externalTrafficPolicy
 * Local with no local endpoint on the entry node: iptables and nftables drop (the client times
 * out); IPVS installs the cluster endpoints as real servers instead (upstream
 * {@code syncEndpoint}, kubernetes/kubernetes#97081) and DNATs without masquerading.
 */
class NoEndpointsTest {

  private static Cluster shop(ProxyMode mode) {
    return TrafficFixtures.shop(mode, 71, 1, List.of("client"));
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void aSelectorMatchingNothingIsRejected(ProxyMode mode) {
    Cluster c = shop(mode);
    ServiceHandle none = c.service("shop/none").selector("app", "nothing").port(80).create();
    c.settle();
    assertTrue(none.endpoints().isEmpty(), "no endpoints: " + none.endpoints());
    Connection conn = c.getPod("shop/client").connect(none, 80);
    assertEquals(ConnectionVerdict.REJECTED, conn.verdict(), mode + ":\n" + conn.explain());
    assertTrue(conn.backend().isEmpty(), conn.explain());
    for (NodeHandle node : c.nodes()) {
      PacketTrace t = node.proxy().trace(c.getPod("shop/client").ip().orElseThrow(),
          none.clusterIP(), 80, Protocol.TCP);
      assertEquals(RuleOutcome.REJECT, t.outcome(), t.explain());
    }
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void localPolicyWithoutALocalEndpointDropsOrFallsBackPerMode(ProxyMode mode) {
    Cluster c = shop(mode);
    ServiceHandle lb = c.service("shop/web").selector("app", "web").port("http", 80, "http")
        .type(ServiceType.LOAD_BALANCER).externalTrafficPolicy("Local").create();
    c.settle();
    String lbIp = lb.loadBalancerIngress().get(0);
    String podNode = c.getDeployment("shop/web").pods().get(0).node().orElseThrow();
    NodeHandle empty = c.nodes().stream().filter(n -> !n.name().equals(podNode))
        .findFirst().orElseThrow();
    String client = "198.51.100.9";
    Connection conn = c.external(client).connectVia(empty.name(), lbIp, 80, Protocol.TCP);
    PacketTrace trace = empty.proxy().trace(client, lbIp, 80, Protocol.TCP);
    String why = mode + " via " + empty.name() + " (pod on " + podNode + "):\n"
        + conn.explain() + "\n" + trace.explain();
    if (mode == ProxyMode.IPVS) {
      // Cluster endpoints as real servers, source preserved (ETP Local never masquerades).
      assertEquals(RuleOutcome.DNAT, trace.outcome(), why);
      assertEquals(lb.endpoints(), trace.candidates(), why);
      assertFalse(trace.masquerade(), why);
      assertEquals(lb.endpoints().get(0), conn.backend().orElseThrow(), why);
      assertEquals(IpAddress.parse(client), conn.sourceSeenByBackend(), why);
      // Upstream's fallback routes the packet, but the pod's reply leaves its own node
      // un-NATed and the client discards it (kubernetes#97081): the client times out.
      assertEquals(ConnectionVerdict.TIMED_OUT, conn.verdict(), why);
    } else {
      assertEquals(RuleOutcome.DROP, trace.outcome(), why);
      assertEquals(ConnectionVerdict.TIMED_OUT, conn.verdict(), why);
      assertTrue(conn.backend().isEmpty(), why);
    }
    // The node that has the endpoint serves it locally in every mode, client IP preserved.
    Connection local = c.external(client).connectVia(podNode, lbIp, 80, Protocol.TCP);
    assertEquals(ConnectionVerdict.ESTABLISHED, local.verdict(), local.explain());
    assertEquals(IpAddress.parse(client), local.sourceSeenByBackend(), local.explain());
    assertNotEquals(podNode, empty.name());
  }
}
