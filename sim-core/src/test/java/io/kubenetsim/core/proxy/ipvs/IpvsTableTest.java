package io.kubenetsim.core.proxy.ipvs;

import static io.kubenetsim.core.proxy.ipvs.IpvsFixtures.node;
import static io.kubenetsim.core.proxy.ipvs.IpvsFixtures.port;
import static io.kubenetsim.core.proxy.ipvs.IpvsFixtures.ready;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.core.GoldenFile;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxySnapshot;
import io.kubenetsim.core.proxy.ServicePortInfo;
import io.kubenetsim.core.proxy.ServicePortName;
import io.kubenetsim.net.Protocol;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dump of a small snapshot against {@code golden/proxy/ipvs-small.golden}: ipvsadm -Ln,
 * iptables-save and ipset list. Rewrite with {@code -Dgolden.update=true}, review with git diff.
 */
class IpvsTableTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "proxy",
      "ipvs-small.golden");

  static ProxySnapshot small() {
    ServicePortInfo dns = new IpvsFixtures.Port(
        new ServicePortName("kube-system", "kube-dns", "dns", Protocol.UDP),
        IpvsFixtures.ip("10.96.0.10"), 53, 0, List.of(), List.of(), List.of(), false, false,
        java.util.Optional.empty(),
        List.of(ready("10.244.1.3", 53, "node-a"), ready("10.244.2.3", 53, "node-b"))).info();
    return ProxySnapshot.of(7, List.of(
        port("default", "kubernetes", "10.96.0.1", 443, ready("172.18.0.2", 6443, "cp"))
            .info(),
        dns,
        port("shop", "web", "10.96.12.3", 80, ready("10.244.2.5", 8080, "node-b"),
            ready("10.244.1.5", 8080, "node-a"), ready("10.244.1.10", 8080, "node-a"))
            .nodePort(30080).affinity(Duration.ofSeconds(10800)).info(),
        port("shop", "api", "10.96.12.4", 8080, ready("10.244.1.6", 8080, "node-a"))
            .nodePort(30081).loadBalancer("203.0.113.50", "198.51.100.0/24").externalLocal()
            .info(),
        port("shop", "empty", "10.96.12.5", 80).externalIP("203.0.113.20").info()));
  }

  @Test
  void dumpOfASmallSnapshotMatchesTheGoldenFile() throws IOException {
    NodeContext nodeA = node("node-a", "192.168.0.10", "10.0.0.10");
    String actual = new IpvsBackend().dump(small(), nodeA);
    GoldenFile.assertMatches(GOLDEN, actual, "IPVS dump");
  }

  @Test
  void virtualServersAreSortedByProtocolAddressAndPort() {
    List<String> keys = IpvsTable.build(small(), node("node-a", "192.168.0.10")).virtualServers()
        .stream().map(vs -> vs.protocol() + " " + vs.address() + ":" + vs.port()).toList();
    assertEquals(List.of("TCP 10.96.0.1:443", "TCP 10.96.12.3:80", "TCP 10.96.12.4:8080",
        "TCP 10.96.12.5:80", "TCP 192.168.0.10:30080", "TCP 192.168.0.10:30081",
        "TCP 203.0.113.20:80", "TCP 203.0.113.50:8080", "UDP 10.96.0.10:53"), keys);
  }

  @Test
  void nodePortAddressesHonourTheConfiguredCidrs() {
    NodeContext restricted = node("node-a", io.kubenetsim.KubeProxyConfiguration.defaults()
        .withNodePortAddresses(List.of("10.0.0.0/8")), "192.168.0.10", "10.0.0.10", "127.0.0.1");
    assertEquals(List.of(IpvsFixtures.ip("10.0.0.10")), IpvsTable.nodePortAddresses(restricted));
  }
}
