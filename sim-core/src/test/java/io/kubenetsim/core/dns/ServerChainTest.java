package io.kubenetsim.core.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.dns.RecordType;
import io.kubenetsim.net.IpAddress;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A CoreDNS process picks a server block and runs its chain as coredns's {@code
 * core/dnsserver/server.go} {@code ServeDNS} does: the longest matching zone's block; no block
 * is REFUSED; a chain that runs out is SERVFAIL ({@code plugin.NextOrFailure}); plugins run in
 * {@code plugin.cfg} order whatever order the Corefile lists them. The hosts plugin's inline
 * entries and fallthrough ({@code plugin/hosts/hosts_test.go}), rewrite's exact and suffix name
 * rules with and without reverting answers ({@code plugin/rewrite/name_test.go}), forward's
 * {@code except} ({@code plugin/forward/setup_test.go}) and an upstream that never replies.
 */
class ServerChainTest {
  private static DnsFixture cluster;

  record Case(String why, String corefile, String name, String type, String expected) {
    @Override
    public String toString() {
      return why;
    }
  }

  @BeforeAll
  static void cluster() {
    cluster = Layout.build();
    cluster.world.add("example.com A 93.184.216.34");
  }

  static Stream<Case> cases() {
    String twoBlocks = "cluster.local {\n  kubernetes\n}\nexample.org {\n  hosts {\n"
        + "    10.1.1.1 a.example.org\n  }\n}\n";
    String hosts = ".:53 {\n  forward . 8.8.8.8\n  kubernetes cluster.local\n  hosts {\n"
        + "    10.1.1.1 db.legacy.test\n    fallthrough\n  }\n}\n";
    String kubeadm = Corefile.kubeadm("cluster.local");
    return Stream.of(
        new Case("no block serves the name", twoBlocks, "example.com", "A", "REFUSED"),
        new Case("the cluster block", twoBlocks, "svc1.testns.svc.cluster.local", "A",
            "NOERROR | svc1.testns.svc.cluster.local. 5 A 10.0.0.1"),
        new Case("the hosts block", twoBlocks, "a.example.org", "A",
            "NOERROR | a.example.org. 3600 A 10.1.1.1"),
        new Case("hosts: other family", twoBlocks, "a.example.org", "AAAA", "NODATA"),
        new Case("hosts: unknown name, no fallthrough", twoBlocks, "b.example.org", "A",
            "SERVFAIL"),
        new Case("a block with no plugin answering", ".:53 {\n  errors\n  health\n}\n",
            "example.com", "A", "SERVFAIL"),
        new Case("kubernetes passes names outside its zones", ".:53 {\n"
            + "  kubernetes cluster.local\n}\n", "example.com", "A", "SERVFAIL"),
        new Case("hosts before kubernetes and forward", hosts, "db.legacy.test", "A",
            "NOERROR | db.legacy.test. 3600 A 10.1.1.1"),
        new Case("hosts answers PTR of its entries", hosts, "1.1.1.10.in-addr.arpa", "PTR",
            "NOERROR | 1.1.1.10.in-addr.arpa. 3600 PTR db.legacy.test."),
        new Case("hosts falls through to forward", hosts, "example.com", "A",
            "NOERROR | example.com. 300 A 93.184.216.34"),
        new Case("hosts falls through to kubernetes", hosts, "svc1.testns.svc.cluster.local",
            "A", "NOERROR | svc1.testns.svc.cluster.local. 5 A 10.0.0.1"),
        new Case("rewrite exact", ".:53 {\n  kubernetes cluster.local\n"
            + "  rewrite name exact db.corp.test svc1.testns.svc.cluster.local\n}\n",
            "db.corp.test", "A", "NOERROR | db.corp.test. 5 A 10.0.0.1"),
        new Case("rewrite suffix, answer auto", ".:53 {\n  rewrite name suffix .corp.test "
            + ".cluster.local answer auto\n  kubernetes cluster.local\n}\n",
            "svc1.testns.svc.corp.test", "A", "NOERROR | svc1.testns.svc.corp.test. 5 A 10.0.0.1"),
        new Case("rewrite suffix, answers not reverted", ".:53 {\n  rewrite name suffix "
            + ".corp.test .cluster.local\n  kubernetes cluster.local\n}\n",
            "svc1.testns.svc.corp.test", "A",
            "NOERROR | svc1.testns.svc.cluster.local. 5 A 10.0.0.1"),
        new Case("forward except", ".:53 {\n  forward . 1.1.1.1 {\n    except example.com\n"
            + "  }\n}\n", "www.example.com", "A", "SERVFAIL"),
        new Case("kubeadm forwards the rest", kubeadm, "example.com", "A",
            "NOERROR | example.com. 300 A 93.184.216.34"),
        new Case("kubeadm passes the upstream's NXDOMAIN on", kubeadm, "nope.example.com", "A",
            "NXDOMAIN"),
        new Case("ExternalName target through forward", kubeadm,
            "external.testns.svc.cluster.local", "A", "NOERROR | external.testns.svc."
                + "cluster.local. 30 CNAME ext.interwebs.test. "
                + "| ext.interwebs.test. 300 A 1.2.3.4"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void chains(Case c) {
    assertEquals(c.expected(), DnsFixture.summary(cluster.server(c.corefile())
        .answer(DnsFixture.question(c.name(), RecordType.parse(c.type())))));
  }

  @Test
  void anUpstreamThatNeverRepliesIsServfailAndExternalNamesKeepTheirCname() {
    CoreDnsServer server = new CoreDnsServer(Corefile.parse(Corefile.kubeadm("cluster.local"))
        .orElseThrow(), cluster.zone, List.of(IpAddress.parse(DnsFixture.COREDNS_IP)),
        Upstream.NONE);
    assertEquals("SERVFAIL", DnsFixture.summary(server.answer(DnsFixture.question(
        "example.com", RecordType.A))));
    // Upstream's ExternalName lookup ignores the target's failure: the CNAME alone.
    assertEquals("NOERROR | external.testns.svc.cluster.local. 30 CNAME ext.interwebs.test.",
        DnsFixture.summary(server.answer(DnsFixture.question(
            "external.testns.svc.cluster.local", RecordType.A))));
  }

  @Test
  void blocksListenOnTheirPort() {
    CoreDnsServer server = cluster.server(".:1053 {\n  forward . 1.1.1.1\n}\n");
    assertEquals("REFUSED", DnsFixture.summary(server.answer(DnsFixture.question(
        "example.com", RecordType.A))));
    assertEquals("NOERROR | example.com. 300 A 93.184.216.34", DnsFixture.summary(
        server.answer(DnsFixture.question("example.com", RecordType.A), 1053)));
  }
}
