package io.kubenetsim.core.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.dns.DnsResponse;
import io.kubenetsim.dns.RecordType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Names match without case (RFC 4343; upstream's {@code handler_case_test.go}) and answers
 * echo the question's spelling; TTLs come from the {@code ttl} option (default 5, kubeadm's
 * 30; {@code setup_ttl_test.go}), except the schema version's fixed 28800, and the SOA's own
 * TTL is the option capped at 300 while its minimum is the option.
 */
class CaseAndTtlTest {
  private static DnsFixture cluster;

  @BeforeAll
  static void cluster() {
    cluster = Layout.build();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = ';', value = {
      "SVC1.TestNS.svc.Cluster.Local;A;NOERROR | SVC1.TestNS.svc.Cluster.Local. 5 A 10.0.0.1",
      "Hdls1.testns.SVC.cluster.local;AAAA;NOERROR | Hdls1.testns.SVC.cluster.local. 5 AAAA "
          + "5678:abcd::1 | Hdls1.testns.SVC.cluster.local. 5 AAAA 5678:abcd::2",
      "DUP-NAME.hdls1.testns.svc.cluster.local;A;NOERROR | DUP-NAME.hdls1.testns.svc.cluster.local."
          + " 5 A 172.0.0.4 | DUP-NAME.hdls1.testns.svc.cluster.local. 5 A 172.0.0.5",
      "_HTTP._TCP.svc1.testns.svc.Cluster.Local;SRV;NOERROR | _HTTP._TCP.svc1.testns.svc."
          + "Cluster.Local. 5 SRV 0 100 80 svc1.testns.svc.Cluster.Local. | "
          + "+svc1.testns.svc.Cluster.Local. 5 A 10.0.0.1",
      "DNS-VERSION.cluster.local;TXT;NOERROR | DNS-VERSION.cluster.local. 28800 TXT \"1.1.0\"",
  })
  void namesMatchWithoutCaseAndAnswersEchoTheQuestion(String name, String type,
      String expected) {
    CoreDnsServer server = cluster.server(DnsFixture.corefile("kubernetes cluster.local"));
    assertEquals(expected, DnsFixture.summary(server.answer(DnsFixture.question(name,
        RecordType.parse(type)))));
  }

  @ParameterizedTest(name = "ttl {0}")
  @CsvSource({"0, 0, 0", "30, 30, 30", "300, 300, 300", "3600, 3600, 300"})
  void theTtlOptionSetsRecordsAndTheSoa(long ttl, long recordTtl, long soaTtl) {
    CoreDnsServer server = cluster.server(DnsFixture.corefile("kubernetes cluster.local",
        "ttl " + ttl));
    DnsResponse a = server.answer(DnsFixture.question("svc1.testns.svc.cluster.local",
        RecordType.A));
    assertEquals(recordTtl, a.answers().get(0).ttl());
    DnsResponse missing = server.answer(DnsFixture.question("x.testns.svc.cluster.local",
        RecordType.A));
    assertEquals(soaTtl, missing.authority().get(0).ttl());
    assertEquals(ttl, ((io.kubenetsim.dns.RecordData.Soa) missing.authority().get(0).data())
        .minimum());
    DnsResponse version = server.answer(DnsFixture.question("dns-version.cluster.local",
        RecordType.TXT));
    assertEquals(28800, version.answers().get(0).ttl());
  }

  @Test
  void kubeadmsCorefileAnswersWithTtl30() {
    CoreDnsServer server = cluster.server(Corefile.kubeadm("cluster.local"));
    assertEquals("NOERROR | svc1.testns.svc.cluster.local. 30 A 10.0.0.1",
        DnsFixture.summary(server.answer(DnsFixture.question("svc1.testns.svc.cluster.local",
            RecordType.A))));
  }
}
