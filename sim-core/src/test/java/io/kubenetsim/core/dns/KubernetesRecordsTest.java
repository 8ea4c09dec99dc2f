package io.kubenetsim.core.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.dns.RecordType;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each record kind of the kubernetes/dns specification (§2.2 schema version, §2.3 ClusterIP
 * Services, §2.4 headless Services, §2.5 ExternalName) as CoreDNS's kubernetes plugin answers
 * it, row by row after upstream's {@code TestServeDNS} tables ({@code
 * plugin/kubernetes/handler_test.go}: {@code commonDnsTestCases} and {@code dnsTestCases}) on
 * the same cluster ({@link Layout}), with the default TTL of 5.
 */
class KubernetesRecordsTest {
  private static CoreDnsServer server;

  record Case(String name, String type, String expected) {
    @Override
    public String toString() {
      return name + " " + type;
    }
  }

  @BeforeAll
  static void cluster() {
    server = Layout.build().server(DnsFixture.corefile(
        "kubernetes cluster.local in-addr.arpa ip6.arpa", "pods insecure"));
  }

  static Stream<Case> cases() {
    String h = "hdls1.testns.svc.cluster.local.";
    return Stream.of(
        new Case("svc1.testns.svc.cluster.local", "A",
            "NOERROR | svc1.testns.svc.cluster.local. 5 A 10.0.0.1"),
        new Case("svcempty.testns.svc.cluster.local", "A",
            "NOERROR | svcempty.testns.svc.cluster.local. 5 A 10.0.0.2"),
        new Case("svc6.testns.svc.cluster.local", "AAAA",
            "NOERROR | svc6.testns.svc.cluster.local. 5 AAAA 1234:abcd::1"),
        new Case("svc-dual-stack.testns.svc.cluster.local", "A",
            "NOERROR | svc-dual-stack.testns.svc.cluster.local. 5 A 10.0.0.3"),
        new Case("svc-dual-stack.testns.svc.cluster.local", "AAAA",
            "NOERROR | svc-dual-stack.testns.svc.cluster.local. 5 AAAA 10::3"),
        new Case("svc1.testns.svc.cluster.local", "SRV",
            "NOERROR | svc1.testns.svc.cluster.local. 5 SRV 0 100 80 "
                + "svc1.testns.svc.cluster.local. | +svc1.testns.svc.cluster.local. 5 A 10.0.0.1"),
        new Case("_http._tcp.svc1.testns.svc.cluster.local", "SRV",
            "NOERROR | _http._tcp.svc1.testns.svc.cluster.local. 5 SRV 0 100 80 "
                + "svc1.testns.svc.cluster.local. | +svc1.testns.svc.cluster.local. 5 A 10.0.0.1"),
        new Case("_http._tcp.svcempty.testns.svc.cluster.local", "SRV",
            "NOERROR | _http._tcp.svcempty.testns.svc.cluster.local. 5 SRV 0 100 80 "
                + "svcempty.testns.svc.cluster.local. "
                + "| +svcempty.testns.svc.cluster.local. 5 A 10.0.0.2"),
        new Case("_http._tcp.svc6.testns.svc.cluster.local", "SRV",
            "NOERROR | _http._tcp.svc6.testns.svc.cluster.local. 5 SRV 0 100 80 "
                + "svc6.testns.svc.cluster.local. "
                + "| +svc6.testns.svc.cluster.local. 5 AAAA 1234:abcd::1"),
        // Two cluster IPs make two items: weight 50, one SRV, both addresses as extra.
        new Case("svc-dual-stack.testns.svc.cluster.local", "SRV",
            "NOERROR | svc-dual-stack.testns.svc.cluster.local. 5 SRV 0 50 80 "
                + "svc-dual-stack.testns.svc.cluster.local. "
                + "| +svc-dual-stack.testns.svc.cluster.local. 5 A 10.0.0.3 "
                + "| +svc-dual-stack.testns.svc.cluster.local. 5 AAAA 10::3"),
        new Case("_https._tcp.svc1.testns.svc.cluster.local", "SRV",
            "NXDOMAIN | soa=cluster.local. 5"),
        new Case("_http._udp.svc1.testns.svc.cluster.local", "SRV",
            "NXDOMAIN | soa=cluster.local. 5"),
        new Case("hdls1.testns.svc.cluster.local", "A", "NOERROR | " + h + " 5 A 172.0.0.2 | "
            + h + " 5 A 172.0.0.3 | " + h + " 5 A 172.0.0.4 | " + h + " 5 A 172.0.0.5"),
        new Case("hdls1.testns.svc.cluster.local", "AAAA", "NOERROR | " + h
            + " 5 AAAA 5678:abcd::1 | " + h + " 5 AAAA 5678:abcd::2"),
        new Case("hdlsprtls.testns.svc.cluster.local", "A",
            "NOERROR | hdlsprtls.testns.svc.cluster.local. 5 A 172.0.0.20"),
        // Six items (dup-name has two addresses): weight floor(100/6) = 16, five SRV records.
        new Case("_http._tcp.hdls1.testns.svc.cluster.local", "SRV",
            "NOERROR | _http._tcp." + h + " 5 SRV 0 16 80 172-0-0-2." + h
                + " | _http._tcp." + h + " 5 SRV 0 16 80 172-0-0-3." + h
                + " | _http._tcp." + h + " 5 SRV 0 16 80 dup-name." + h
                + " | _http._tcp." + h + " 5 SRV 0 16 80 5678-abcd--1." + h
                + " | _http._tcp." + h + " 5 SRV 0 16 80 5678-abcd--2." + h
                + " | +172-0-0-2." + h + " 5 A 172.0.0.2 | +172-0-0-3." + h + " 5 A 172.0.0.3"
                + " | +dup-name." + h + " 5 A 172.0.0.4 | +dup-name." + h + " 5 A 172.0.0.5"
                + " | +5678-abcd--1." + h + " 5 AAAA 5678:abcd::1"
                + " | +5678-abcd--2." + h + " 5 AAAA 5678:abcd::2"),
        new Case("172-0-0-2.hdls1.testns.svc.cluster.local", "A",
            "NOERROR | 172-0-0-2." + h + " 5 A 172.0.0.2"),
        new Case("5678-abcd--2.hdls1.testns.svc.cluster.local", "AAAA",
            "NOERROR | 5678-abcd--2." + h + " 5 AAAA 5678:abcd::2"),
        new Case("dup-name.hdls1.testns.svc.cluster.local", "A",
            "NOERROR | dup-name." + h + " 5 A 172.0.0.4 | dup-name." + h + " 5 A 172.0.0.5"),
        new Case("172-0-0-20.hdlsprtls.testns.svc.cluster.local", "A",
            "NOERROR | 172-0-0-20.hdlsprtls.testns.svc.cluster.local. 5 A 172.0.0.20"),
        // Endpoint names answer for ClusterIP Services too (their slices' addresses).
        new Case("172-0-0-1.svc1.testns.svc.cluster.local", "A",
            "NOERROR | 172-0-0-1.svc1.testns.svc.cluster.local. 5 A 172.0.0.1"),
        new Case("bogusendpoint.hdls1.testns.svc.cluster.local", "A",
            "NXDOMAIN | soa=cluster.local. 5"),
        new Case("bogusendpoint.svc0.testns.svc.cluster.local", "A",
            "NXDOMAIN | soa=cluster.local. 5"),
        new Case("hdls-unready.testns.svc.cluster.local", "A",
            "NXDOMAIN | soa=cluster.local. 5"),
        new Case("external.testns.svc.cluster.local", "CNAME",
            "NOERROR | external.testns.svc.cluster.local. 5 CNAME ext.interwebs.test."),
        new Case("external.testns.svc.cluster.local", "A",
            "NOERROR | external.testns.svc.cluster.local. 5 CNAME ext.interwebs.test. "
                + "| ext.interwebs.test. 300 A 1.2.3.4"),
        new Case("external.testns.svc.cluster.local", "AAAA",
            "NOERROR | external.testns.svc.cluster.local. 5 CNAME ext.interwebs.test. "
                + "| ext.interwebs.test. 300 AAAA 2001:db8::1234"),
        new Case("external-to-service.testns.svc.cluster.local", "A",
            "NOERROR | external-to-service.testns.svc.cluster.local. 5 CNAME "
                + "svc1.testns.svc.cluster.local. | svc1.testns.svc.cluster.local. 5 A 10.0.0.1"),
        new Case("endpoint.external.testns.svc.cluster.local", "CNAME",
            "NXDOMAIN | soa=cluster.local. 5"),
        new Case("subdomain.subdomain.external.testns.svc.cluster.local", "CNAME",
            "NXDOMAIN | soa=cluster.local. 5"),
        new Case("external.testns.svc.cluster.local", "SRV", "NODATA | soa=cluster.local. 5"),
        // An ExternalName that is an address is no host name: upstream keeps nothing for it.
        new Case("external-ip.testns.svc.cluster.local", "A", "NXDOMAIN | soa=cluster.local. 5"),
        new Case("dns-version.cluster.local", "TXT",
            "NOERROR | dns-version.cluster.local. 28800 TXT \"1.1.0\""),
        new Case("10-240-0-1.podns.pod.cluster.local", "A",
            "NOERROR | 10-240-0-1.podns.pod.cluster.local. 5 A 10.240.0.1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersAsTheKubernetesPluginDoes(Case c) {
    assertEquals(c.expected(), DnsFixture.summary(server.answer(DnsFixture.question(c.name(),
        RecordType.parse(c.type())))));
  }
}
