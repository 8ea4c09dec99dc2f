package io.kubenetsim.core.proxy.nftables;

import static io.kubenetsim.core.proxy.nftables.NftablesFixtures.NODE;
import static io.kubenetsim.core.proxy.nftables.NftablesFixtures.ready;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.core.GoldenFile;
import io.kubenetsim.core.proxy.ProxySnapshot;
import io.kubenetsim.core.proxy.nftables.NftablesFixtures.Port;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code nft list ruleset} for one NodePort Service with three endpoints (one on this node), and
 * for upstream's {@code TestOverallNFTablesRules} svc1 whose rule lines must match upstream's
 * expected text exactly. Run with {@code -Dgolden.update=true} to rewrite the golden file, then
 * review the diff.
 */
class NftablesRulesetGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/proxy");

  @Test
  void nodePortServiceWithThreeEndpoints() throws IOException {
    ProxySnapshot snapshot = ProxySnapshot.of(1, List.of(
        new Port("default", "web", "172.30.0.10").nodePort(30080).endpoints(
            ready("10.180.0.11", NODE), ready("10.180.1.12", "node2"),
            ready("10.180.2.13", "node3")).build()));
    assertGolden("nftables-nodeport-3-endpoints.txt",
        new NftablesBackend().dump(snapshot, NftablesFixtures.node()));
  }

  @Test
  void ruleLinesMatchUpstreamTestExpectations() {
    ProxySnapshot snapshot = ProxySnapshot.of(1, List.of(
        new Port("ns1", "svc1", "172.30.0.41").endpoints(ready("10.180.0.1", "")).build(),
        new Port("ns6", "svc6", "172.30.0.46").build()));
    String dump = new NftablesBackend().dump(snapshot, NftablesFixtures.node());
    for (String line : List.of(
        "\t\tip daddr 172.30.0.41 ip saddr != 10.0.0.0/8 jump mark-for-masquerade\n",
        "\t\tnumgen random mod 1 vmap { 0 : goto endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 }\n",
        "\t\tip saddr 10.180.0.1 jump mark-for-masquerade\n",
        "\t\tmeta l4proto tcp dnat to 10.180.0.1:80\n",
        "172.30.0.41 . tcp . 80 : goto service-ULMVA6XW-ns1/svc1/tcp/p80",
        "172.30.0.46 . tcp . 80 comment \"ns6/svc6:p80\" : goto reject-chain",
        "\t\tip daddr @cluster-ips reject comment \"Reject traffic to invalid ports of ClusterIPs\"\n",
        "\t\tip daddr { 172.30.0.0/16 } drop comment \"Drop traffic to unallocated ClusterIPs\"\n",
        "\t\tip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports\n",
        "\t\telements = { 192.168.0.2 }\n")) {
      assertTrue(dump.contains(line), () -> "missing " + line + " in\n" + dump);
    }
  }

  static void assertGolden(String name, String actual) throws IOException {
    GoldenFile.assertMatches(GOLDEN.resolve(name), actual, "nft list ruleset");
  }
}
