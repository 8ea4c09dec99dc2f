package io.kubenetsim.core.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.dns.DnsResponse;
import io.kubenetsim.dns.Rcode;
import io.kubenetsim.dns.RecordData;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.dns.ResourceRecord;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NXDOMAIN against NODATA, the reference's §7.2 list, after upstream's {@code handler_test.go}
 * ({@code commonDnsTestCases}), {@code kubernetes_apex_test.go} and {@code
 * handler_pod_disabled_test.go}: a name that does not exist is NXDOMAIN, an existing name
 * without records of the type is NOERROR with no answer; both carry the zone's SOA.
 */
class NegativeAnswersTest {
  private static DnsFixture cluster;
  private static CoreDnsServer server;

  record Case(String why, String name, String type, String expected) {
    @Override
    public String toString() {
      return why + ": " + name + " " + type;
    }
  }

  @BeforeAll
  static void cluster() {
    cluster = Layout.build();
    server = cluster.server(DnsFixture.corefile("kubernetes cluster.local"));
  }

  static Stream<Case> cases() {
    String nx = "NXDOMAIN | soa=cluster.local. 5";
    String nodata = "NODATA | soa=cluster.local. 5";
    return Stream.of(
        new Case("unknown service", "svc0.testns.svc.cluster.local", "A", nx),
        new Case("unknown service", "svc0.testns.svc.cluster.local", "AAAA", nx),
        new Case("namespace that does not exist", "svc0.svc-nons.svc.cluster.local", "A", nx),
        new Case("headless without ready endpoints", "hdls-unready.testns.svc.cluster.local",
            "A", nx),
        new Case("unknown endpoint label", "bogus.hdls1.testns.svc.cluster.local", "A", nx),
        new Case("ExternalName with a port", "_http._tcp.external.testns.svc.cluster.local",
            "SRV", nx),
        new Case("too many labels", "a.b.c.svc1.testns.svc.cluster.local", "A", nx),
        new Case("neither svc nor pod", "foo.cluster.local", "A", nx),
        new Case("pods disabled (the plugin default)", "10-240-0-1.podns.pod.cluster.local",
            "A", nx),
        new Case("pods disabled, any label", "172-0-0-2.podns.pod.cluster.local", "A", nx),
        new Case("NS below the apex, name missing", "foo.cluster.local", "NS", nx),
        new Case("NS below the apex, name missing", "foo.svc.cluster.local", "NS", nx),
        new Case("TXT of a name that does not exist", "svc0.svc-nons.svc.cluster.local", "TXT",
            nx),
        // Upstream's TXT path asks Records, which has no items for the apex names.
        new Case("TXT at the apex", "cluster.local", "TXT", nx),
        new Case("AAAA of an IPv4-only ClusterIP", "svc1.testns.svc.cluster.local", "AAAA",
            nodata),
        new Case("A of an IPv6-only ClusterIP", "svc6.testns.svc.cluster.local", "A", nodata),
        new Case("TXT of a Service", "svc1.testns.svc.cluster.local", "TXT", nodata),
        new Case("MX of a Service", "svc1.testns.svc.cluster.local", "MX", nodata),
        new Case("PTR of a Service name", "svc1.testns.svc.cluster.local", "PTR", nodata),
        new Case("CNAME of a ClusterIP Service", "svc1.testns.svc.cluster.local", "CNAME",
            nodata),
        new Case("SOA below the apex", "svc1.testns.svc.cluster.local", "SOA", nodata),
        new Case("SOA below the apex, even of a missing name", "nothing.cluster.local", "SOA",
            nodata),
        new Case("the apex", "cluster.local", "A", nodata),
        new Case("the apex", "cluster.local", "AAAA", nodata),
        new Case("the apex", "cluster.local", "SRV", nodata),
        new Case("svc.<zone>", "svc.cluster.local", "A", nodata),
        new Case("svc.<zone>", "svc.cluster.local", "NS", nodata),
        new Case("pod.<zone>", "pod.cluster.local", "A", nodata),
        new Case("<ns>.svc.<zone> of an existing namespace", "testns.svc.cluster.local", "A",
            nodata),
        new Case("<ns>.svc.<zone> of an existing namespace", "testns.svc.cluster.local", "NS",
            nodata),
        new Case("<ns>.svc.<zone> of a missing namespace", "nons.svc.cluster.local", "A", nx));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void negativeAnswers(Case c) {
    assertEquals(c.expected(), DnsFixture.summary(server.answer(DnsFixture.question(c.name(),
        RecordType.parse(c.type())))));
  }

  @Test
  void theSoaNamesTheZoneAndCarriesTheLastChangeAsSerial() {
    DnsResponse apex = server.answer(DnsFixture.question("cluster.local", RecordType.SOA));
    // The informers delivered the layout one second after the start (2026-01-01T00:00:00Z).
    long serial = DnsFixture.START.getEpochSecond() + 1;
    assertEquals(new ResourceRecord(io.kubenetsim.dns.DnsName.of("cluster.local"), 5,
        RecordData.parse(RecordType.SOA, "ns.dns.cluster.local. hostmaster.cluster.local. "
            + serial + " 7200 1800 86400 5")), apex.answers().get(0));
    DnsResponse negative = server.answer(DnsFixture.question("x.testns.svc.cluster.local",
        RecordType.A));
    assertEquals(apex.answers(), negative.authority());
    assertEquals(true, negative.authoritative());
  }

  @Test
  void theSoaOwnerFollowsTheQuestionsCase() {
    DnsResponse response = server.answer(DnsFixture.question("X.TestNS.svc.Cluster.LOCAL",
        RecordType.A));
    assertEquals(Rcode.NXDOMAIN, response.rcode());
    assertEquals("Cluster.LOCAL. 5 IN SOA ns.dns.Cluster.LOCAL. hostmaster.Cluster.LOCAL. "
        + (DnsFixture.START.getEpochSecond() + 1) + " 7200 1800 86400 5",
        response.authority().get(0).toString());
  }
}
