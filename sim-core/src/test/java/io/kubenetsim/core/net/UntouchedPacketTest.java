package io.kubenetsim.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.KubectlResult;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.core.kubectl.KubectlCommand;
import io.kubenetsim.core.kubectl.ManifestFormatter;
import io.kubenetsim.core.manifest.ManifestWriter;
import io.kubenetsim.net.ConnectionVerdict;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A packet no kube-proxy rule touched is not "established". Traced through the rules alone it
 * reports {@code untouched}, no candidates, and says no rule matched — upstream's packet-flow
 * harness reports an empty output for it ({@code pkg/proxy/iptables/proxier_test.go}
 * {@code runPacketFlowTests}). Sent for real, it goes on as addressed: a pod or node answers
 * for itself, anything else never answers.
 *
 * <p>A ClusterIP on a port its Service does not declare differs by mode: iptables mode has no
 * rule for it (the reference's §5.2: "matches nothing (not rejected)"), so the packet is routed
 * on and lost; nftables mode rejects it in {@code cluster-ips-check} ({@code ip daddr
 * @cluster-ips reject}); IPVS mode binds every ClusterIP to {@code kube-ipvs0}, so the packet is
 * for the node itself, where {@code KUBE-IPVS-FILTER} rejects new connections to those
 * addresses on ports no virtual server has (kubernetes/kubernetes#72236, {@code
 * pkg/proxy/ipvs/proxier.go} {@code writeIptablesRules}).
 */
class UntouchedPacketTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static KubectlCommand kubectl(Cluster c) {
    return new KubectlCommand(c, new ManifestFormatter(new ManifestWriter()));
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void aTracedPacketNoRuleTouchedIsUntouchedWithNoCandidates(ProxyMode mode) throws Exception {
    Cluster c = TrafficFixtures.shop(mode, 41, 2, List.of("client"));
    c.expose("shop/web").port(80).targetPort("http").create();
    c.settle();
    String podIp = c.pods("shop", "app=web").get(0).ip().orElseThrow();
    KubectlResult result = kubectl(c).run("probe --from ip:10.244.9.9 --node node-1 --to "
        + podIp + " --port 8080 -o json");
    JsonNode probe = JSON.readTree(result.stdout());
    assertEquals("untouched", probe.get("verdict").asText(), probe.toString());
    assertFalse(probe.get("allowed").asBoolean(), probe.toString());
    assertEquals(0, probe.get("candidates").size(), probe.toString());
    assertTrue(probe.get("backend").isNull(), probe.toString());
    assertTrue(probe.get("reason").asText().contains("no kube-proxy rule"), probe.toString());
    assertEquals("UNTOUCHED", probe.get("outcome").asText(), probe.toString());
    assertEquals(1, result.exitCode(), "not established is a failed check");
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void aClusterIpOnAnUndeclaredPortFollowsEachModesRules(ProxyMode mode) throws Exception {
    Cluster c = TrafficFixtures.shop(mode, 42, 2, List.of("client"));
    ServiceHandle web = c.expose("shop/web").port(80).targetPort("http").create();
    c.settle();

    Connection conn = c.getPod("shop/client").connect(web.clusterIP(), 81);
    ConnectionVerdict expected = mode == ProxyMode.IPTABLES ? ConnectionVerdict.TIMED_OUT
        : ConnectionVerdict.REJECTED;
    assertEquals(expected, conn.verdict(), conn.explain());
    assertTrue(conn.backend().isEmpty(), conn.explain());
    if (mode == ProxyMode.IPTABLES) {
      assertTrue(conn.reason().contains("no kube-proxy rule"), conn.reason());
      assertTrue(conn.reason().contains("declares no port 81/TCP"), conn.reason());
    }

    String clientIp = c.getPod("shop/client").ip().orElseThrow();
    JsonNode traced = JSON.readTree(kubectl(c).run("probe --from ip:" + clientIp + " --node "
        + c.getPod("shop/client").node().orElseThrow() + " --to svc/shop/web --port 81 -o json")
        .stdout());
    String verdict = mode == ProxyMode.IPTABLES ? "untouched" : "rejected";
    assertEquals(verdict, traced.get("verdict").asText(), traced.toString());
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void aNodeDiallingAClusterIpOnAnUndeclaredPortFollowsTheSameRules(ProxyMode mode) {
    // The same port from the node itself (nat and filter OUTPUT): nftables' filter-output runs
    // cluster-ips-check; IPVS's VIP is local, so the packet loops into INPUT's filter;
    // iptables still has no rule for it.
    Cluster c = TrafficFixtures.shop(mode, 45, 2, List.of());
    ServiceHandle web = c.expose("shop/web").port(80).targetPort("http").create();
    c.settle();
    Connection conn = c.node("node-1").connect(web.clusterIP(), 81);
    assertEquals(mode == ProxyMode.IPTABLES ? ConnectionVerdict.TIMED_OUT
        : ConnectionVerdict.REJECTED, conn.verdict(), conn.explain());
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void aPodReachedDirectlyAnswersForItselfAfterAnUntouchedHop(ProxyMode mode) {
    Cluster c = TrafficFixtures.shop(mode, 43, 2, List.of("client"));
    String webIp = c.pods("shop", "app=web").get(0).ip().orElseThrow();
    Connection conn = c.getPod("shop/client").connect(webIp, 8080);
    assertEquals(ConnectionVerdict.ESTABLISHED, conn.verdict(), conn.explain());
    assertFalse(conn.masqueraded(), conn.explain());
    assertEquals(1, conn.hops().size(), conn.explain());
    assertTrue(conn.hops().get(0).via().contains("no kube-proxy rule"), conn.explain());
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void anAddressNoPodOrNodeHoldsNeverAnswers(ProxyMode mode) {
    Cluster c = TrafficFixtures.shop(mode, 44, 2, List.of("client"));
    for (String address : List.of("198.51.100.7", "10.244.9.9")) {
      Connection conn = c.getPod("shop/client").connect(address, 443);
      assertEquals(ConnectionVerdict.TIMED_OUT, conn.verdict(), conn.explain());
      assertTrue(conn.reason().contains("no kube-proxy rule"), conn.reason());
      assertTrue(conn.reason().contains("no pod or node holds " + address), conn.reason());
    }
  }
}
