package io.kubenetsim.core.proxy.ipvs;

import static io.kubenetsim.core.proxy.ipvs.IpvsFixtures.ip;
import static io.kubenetsim.core.proxy.ipvs.IpvsFixtures.node;
import static io.kubenetsim.core.proxy.ipvs.IpvsFixtures.port;
import static io.kubenetsim.core.proxy.ipvs.IpvsFixtures.ready;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.KubeProxyConfiguration;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxyDecision;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ProxyNodeState;
import io.kubenetsim.core.proxy.ProxyPacket.Hook;
import io.kubenetsim.core.proxy.ProxyPacket;
import io.kubenetsim.core.proxy.ProxySnapshot;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.Protocol;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When IPVS mode masquerades (the KUBE-SERVICES ipset rules and KUBE-LOOP-BACK), as rows like
 * kube-proxy's packetFlowTest: source, destination, port, hook, expected backend and SNAT.
 */
class IpvsMasqueradeTest {
  static final ProxyEndpoint A1 = ready("10.244.1.5", 8080, "node-a");
  static final NodeContext NODE_A = node("node-a", "192.168.0.10");

  record Row(String name, String source, String destination, int port, Hook hook,
      String backend, boolean masquerade) {}

  static final ProxySnapshot SNAPSHOT = ProxySnapshot.of(1, List.of(
      port("shop", "web", "10.96.12.3", 80, A1).nodePort(30080).externalIP("203.0.113.20")
          .loadBalancer("203.0.113.50").info(),
      port("shop", "local", "10.96.12.4", 80, A1).nodePort(30081).externalIP("203.0.113.21")
          .loadBalancer("203.0.113.51").externalLocal().info()));

  static final List<Row> ROWS = List.of(
      new Row("pod to ClusterIP", "10.244.1.9", "10.96.12.3", 80, Hook.PREROUTING,
          "10.244.1.5:8080", false),
      new Row("host to ClusterIP", "192.168.0.10", "10.96.12.3", 80, Hook.OUTPUT,
          "10.244.1.5:8080", true),
      new Row("loopback source returns first", "127.0.0.1", "10.96.12.3", 80, Hook.OUTPUT,
          "10.244.1.5:8080", false),
      new Row("off-cluster to ClusterIP", "203.0.113.7", "10.96.12.3", 80, Hook.PREROUTING,
          "10.244.1.5:8080", true),
      new Row("hairpin", "10.244.1.5", "10.96.12.3", 80, Hook.PREROUTING,
          "10.244.1.5:8080", true),
      new Row("external to NodePort, Cluster", "203.0.113.7", "192.168.0.10", 30080,
          Hook.PREROUTING, "10.244.1.5:8080", true),
      new Row("pod to NodePort, Cluster", "10.244.1.9", "192.168.0.10", 30080,
          Hook.PREROUTING, "10.244.1.5:8080", true),
      new Row("external to externalIP, Cluster", "203.0.113.7", "203.0.113.20", 80,
          Hook.PREROUTING, "10.244.1.5:8080", true),
      new Row("external to LB, Cluster", "203.0.113.7", "203.0.113.50", 80, Hook.PREROUTING,
          "10.244.1.5:8080", true),
      new Row("external to NodePort, Local", "203.0.113.7", "192.168.0.10", 30081,
          Hook.PREROUTING, "10.244.1.5:8080", false),
      new Row("external to externalIP, Local", "203.0.113.7", "203.0.113.21", 80,
          Hook.PREROUTING, "10.244.1.5:8080", false),
      new Row("external to LB, Local", "203.0.113.7", "203.0.113.51", 80, Hook.PREROUTING,
          "10.244.1.5:8080", false));

  @Test
  void masqueradeFollowsTheIpsetRules() {
    for (Row row : ROWS) {
      ProxyDecision d = new IpvsEvaluator().evaluate(SNAPSHOT, NODE_A, packet(row),
          new ProxyNodeState(), Instant.EPOCH);
      assertEquals(HostPort.parse(row.backend()), d.backend().orElseThrow().address(),
          row.name());
      assertEquals(row.masquerade(), d.masquerade(), row.name() + ": " + d.matchedRules());
    }
  }

  @Test
  void masqueradeAllMarksPodTrafficToClusterIPs() {
    NodeContext all = node("node-a", KubeProxyConfiguration.defaults().withMasqueradeAll(true),
        "192.168.0.10");
    ProxyDecision d = new IpvsEvaluator().evaluate(SNAPSHOT, all,
        packet(ROWS.get(0)), new ProxyNodeState(), Instant.EPOCH);
    assertEquals(true, d.masquerade(), d.matchedRules().toString());
  }

  private static ProxyPacket packet(Row row) {
    return new ProxyPacket(ip(row.source()), ip(row.destination()), row.port(), Protocol.TCP,
        row.hook());
  }
}
