package io.kubenetsim.core.proxy.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.KubeProxyConfiguration;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.core.GoldenFile;
import io.kubenetsim.core.proxy.ProxySnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code iptables-save} text for a NodePort Service with three endpoints, checked against a
 * golden file (rewrite with {@code -Dgolden.update=true}, review with {@code git diff}). The
 * golden shows upstream's layout: KUBE-SERVICES → KUBE-SVC (masquerade for off-cluster sources,
 * then 1/3, 1/2, rest) → KUBE-SEP (hairpin mark, DNAT), the NodePort through KUBE-EXT, and the
 * NodePorts jump as the last KUBE-SERVICES rule. Endpoints are in {@code ip:port} string order.
 */
class IptablesDumpTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "proxy",
      "iptables-nodeport-3-endpoints.golden");

  private static ProxySnapshot webSnapshot() {
    return ProxySnapshot.of(7, List.of(Ports.port("shop", "web", "http", "10.96.0.10", 80)
        .nodePort(30080)
        .endpoint("10.244.2.7", 8080, "node-b")
        .endpoint("10.244.1.5", 8080, Ports.NODE)
        .endpoint("10.244.10.3", 8080, "node-c")
        .build()));
  }

  @Test
  void nodePortServiceWithThreeEndpointsMatchesGolden() throws IOException {
    String actual = new IptablesBackend().dump(webSnapshot(), Ports.node());
    GoldenFile.assertMatches(GOLDEN, actual, "iptables-save output");
  }

  @Test
  void probabilitiesAreOneOverRemainingWithTenDecimals() {
    String dump = new IptablesBackend().dump(webSnapshot(), Ports.node());
    assertTrue(dump.contains("\"shop/web:http -> 10.244.1.5:8080\" -m statistic --mode random "
        + "--probability 0.3333333333 -j KUBE-SEP-"), dump);
    assertTrue(dump.contains("\"shop/web:http -> 10.244.10.3:8080\" -m statistic --mode random "
        + "--probability 0.5000000000 -j KUBE-SEP-"), dump);
    assertTrue(dump.contains("--comment \"shop/web:http -> 10.244.2.7:8080\" -j KUBE-SEP-"), dump);
  }

  @Test
  void nodePortsJumpIsTheLastKubeServicesRule() {
    Chain services = IptablesRuleCompiler.compile(webSnapshot(), Ports.node()).nat()
        .chain("KUBE-SERVICES").orElseThrow();
    String last = services.rules().get(services.rules().size() - 1).text();
    assertEquals("-A KUBE-SERVICES -m comment --comment \"kubernetes service nodeports; NOTE: "
        + "this must be the last rule in this chain\" -m addrtype --dst-type LOCAL "
        + "-j KUBE-NODEPORTS", last);
  }

  @Test
  void nodePortAddressesGiveOneRulePerMatchingNodeAddress() {
    KubeProxyConfiguration config = KubeProxyConfiguration.defaults().withMode(ProxyMode.IPTABLES)
        .withNodePortAddresses(List.of("192.168.0.0/16", "127.0.0.0/8"));
    List<String> jumps = IptablesRuleCompiler.compile(webSnapshot(), Ports.node(config)).nat()
        .chain("KUBE-SERVICES").orElseThrow().rules().stream().map(Rule::text)
        .filter(r -> r.endsWith("-j KUBE-NODEPORTS")).toList();
    String prefix = "-A KUBE-SERVICES -m comment --comment \"kubernetes service nodeports; NOTE: "
        + "this must be the last rule in this chain\" -d ";
    assertEquals(List.of(prefix + "127.0.0.1 -j KUBE-NODEPORTS",
        prefix + "192.168.0.2 -j KUBE-NODEPORTS"), jumps);
  }

  @Test
  void masqueradeAllMarksEveryClusterIPPacket() {
    KubeProxyConfiguration config = KubeProxyConfiguration.defaults().withMode(ProxyMode.IPTABLES)
        .withMasqueradeAll(true);
    String dump = new IptablesBackend().dump(webSnapshot(), Ports.node(config));
    assertTrue(dump.contains("--comment \"shop/web:http cluster IP\" -m tcp -p tcp -d 10.96.0.10 "
        + "--dport 80 -j KUBE-MARK-MASQ"), dump);
  }
}
