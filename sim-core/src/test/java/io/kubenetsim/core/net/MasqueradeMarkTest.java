package io.kubenetsim.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.NodeHandle;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.core.kubectl.KubectlCommand;
import io.kubenetsim.core.kubectl.ManifestFormatter;
import io.kubenetsim.core.manifest.ManifestWriter;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.PacketTrace;
import io.kubenetsim.net.Protocol;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The masquerade flag reports what the rules decided, for every kind of source. A process on a
 * node dialling a ClusterIP goes through nat OUTPUT into the same service rules as a pod, and
 * its source is outside the cluster CIDR, so the service chain's "masquerade off-cluster
 * traffic" rule marks it — upstream's packet-flow tests expect {@code masq: true} for node
 * sources to a ClusterIP ({@code pkg/proxy/iptables/proxier_test.go} and
 * {@code pkg/proxy/nftables/proxier_test.go}, the "node to cluster IP" style rows), and IPVS
 * mode marks it through the {@code KUBE-CLUSTER-IP} ipset rule of {@code writeIptablesRules}.
 * The Java connection, {@code probe --from node/NAME} and the rules-only trace of the same
 * packet ({@code --from ip:NODE_IP --node NAME}) must agree.
 */
class MasqueradeMarkTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void aNodeDiallingAClusterIpIsMarkedForMasqueradeEverywhereItIsReported(ProxyMode mode)
      throws Exception {
    Cluster c = TrafficFixtures.shop(mode, 21, 3, List.of("client"));
    ServiceHandle web = c.expose("shop/web").port(80).targetPort("http").create();
    c.settle();
    NodeHandle node = c.node("node-1");
    IpAddress nodeIp = IpAddress.parse(node.internalIP().orElseThrow());

    Connection conn = node.connect(web.clusterIP(), 80);
    assertEquals(ConnectionVerdict.ESTABLISHED, conn.verdict(), conn.explain());
    assertTrue(conn.masqueraded(), "the service rules mark node traffic: " + conn.explain());
    assertEquals(nodeIp, conn.sourceSeenByBackend(), conn.explain());

    KubectlCommand kubectl = new KubectlCommand(c, new ManifestFormatter(new ManifestWriter()));
    JsonNode probe = JSON.readTree(kubectl.run("probe --from node/node-1 --to svc/shop/web "
        + "--port 80 -o json").stdout());
    assertTrue(probe.get("masquerade").asBoolean(), probe.toString());
    assertEquals(nodeIp.toString(), probe.get("sourceSeenByBackend").asText(), probe.toString());

    JsonNode traced = JSON.readTree(kubectl.run("probe --from ip:" + nodeIp + " --node node-1"
        + " --to svc/shop/web --port 80 -o json").stdout());
    assertEquals(probe.get("masquerade"), traced.get("masquerade"),
        "the connection and the rules-only trace of the same packet agree: " + traced);
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void theMarkAndTheRuleThatSetItTravelTogether(ProxyMode mode) {
    Cluster c = TrafficFixtures.shop(mode, 22, 3, List.of("client"));
    ServiceHandle web = c.expose("shop/web").port(80).targetPort("http").create();
    c.settle();
    String nodeIp = c.node("node-2").internalIP().orElseThrow();
    String podIp = c.getPod("shop/client").ip().orElseThrow();

    PacketTrace fromNode = c.node("node-2").proxy().trace(nodeIp, web.clusterIP(), 80,
        Protocol.TCP);
    assertTrue(fromNode.masquerade(), fromNode.explain());
    assertTrue(fromNode.matchedRules().contains(fromNode.masqueradeRule().orElseThrow()),
        "the marking rule is one of the rules that matched: " + fromNode.explain());
    assertTrue(fromNode.matchedRules().contains(fromNode.dnatRule().orElseThrow()),
        fromNode.explain());

    PacketTrace fromPod = c.node("node-2").proxy().trace(podIp, web.clusterIP(), 80,
        Protocol.TCP);
    boolean hairpin = fromPod.backend().orElseThrow().ip().toString().equals(podIp);
    assertEquals(hairpin, fromPod.masquerade(), "pod traffic to a ClusterIP is not masqueraded "
        + "unless it hairpins: " + fromPod.explain());
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void aPodConnectionIsNotMasqueradedAndSaysSo(ProxyMode mode) {
    Cluster c = TrafficFixtures.shop(mode, 23, 3, List.of("client"));
    ServiceHandle web = c.expose("shop/web").port(80).targetPort("http").create();
    c.settle();
    Connection conn = c.getPod("shop/client").connect(web, 80);
    assertEquals(ConnectionVerdict.ESTABLISHED, conn.verdict(), conn.explain());
    assertFalse(conn.masqueraded(), conn.explain());
    assertEquals(IpAddress.parse(c.getPod("shop/client").ip().orElseThrow()),
        conn.sourceSeenByBackend(), conn.explain());
  }
}
