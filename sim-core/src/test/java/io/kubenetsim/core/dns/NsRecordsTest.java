package io.kubenetsim.core.dns;

import static io.kubenetsim.core.dns.DnsFixture.endpoint;
import static io.kubenetsim.core.dns.DnsFixture.port;
import static io.kubenetsim.core.dns.DnsFixture.udp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.dns.RecordType;
import io.kubenetsim.net.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * NS and {@code ns.dns.<zone>} (upstream's {@code ns.go} {@code nsAddrs}, {@code ns_test.go}
 * and {@code kubernetes_apex_test.go}): the zone's name servers are the Services whose
 * endpoints hold the answering CoreDNS's own IP — {@code kube-dns.kube-system.svc.<zone>.}
 * with its cluster IPs in a kubeadm cluster — else {@code ns.dns.<zone>.} with the CoreDNS's
 * own address.
 */
class NsRecordsTest {
  private static final String COREFILE = DnsFixture.corefile("kubernetes cluster.local");

  @Test
  void withoutAServiceInFrontTheNameServerIsNsDns() {
    CoreDnsServer server = Layout.build().server(COREFILE);
    assertEquals("NOERROR | cluster.local. 5 NS ns.dns.cluster.local. "
        + "| +ns.dns.cluster.local. 5 A 10.244.0.53", ask(server, "cluster.local", "NS"));
    assertEquals("NOERROR | ns.dns.cluster.local. 5 A 10.244.0.53",
        ask(server, "ns.dns.cluster.local", "A"));
    assertEquals("NODATA | soa=cluster.local. 5", ask(server, "ns.dns.cluster.local", "AAAA"));
  }

  @Test
  void theKubeDnsServiceFrontingThisCorednsIsTheNameServer() {
    DnsFixture f = Layout.build();
    f.clusterIp("kube-system/kube-dns", List.of("10.96.0.10", "fd00:10:96::a"), udp("dns", 53))
        .slice("kube-system/kube-dns-abcde", "kube-dns", "IPv4",
            List.of(endpoint(DnsFixture.COREDNS_IP, "coredns-a"), endpoint("10.244.1.53",
                "coredns-b")), port("dns", 53, Protocol.UDP))
        .settle();
    CoreDnsServer server = f.server(COREFILE);
    String kubeDns = "kube-dns.kube-system.svc.cluster.local.";
    assertEquals("NOERROR | cluster.local. 5 NS " + kubeDns + " | +" + kubeDns
        + " 5 A 10.96.0.10 | +" + kubeDns + " 5 AAAA fd00:10:96::a",
        ask(server, "cluster.local", "NS"));
    assertEquals("NOERROR | ns.dns.cluster.local. 5 AAAA fd00:10:96::a",
        ask(server, "ns.dns.cluster.local", "AAAA"));
    // Another CoreDNS, whose IP no slice holds, falls back to its own address.
    CoreDnsServer other = new CoreDnsServer(server.corefile(), f.zone,
        List.of(io.kubenetsim.net.IpAddress.parse("10.244.9.9")), f.world);
    assertEquals("NOERROR | cluster.local. 5 NS ns.dns.cluster.local. "
        + "| +ns.dns.cluster.local. 5 A 10.244.9.9", ask(other, "cluster.local", "NS"));
  }

  @Test
  void aHeadlessServiceInFrontNamesItsEndpoints() {
    DnsFixture f = Layout.build();
    f.headless("kube-system/dns-headless", udp("dns", 53))
        .slice("kube-system/dns-headless-x", "dns-headless", "IPv4",
            List.of(endpoint(DnsFixture.COREDNS_IP, "coredns-a")), port("dns", 53, Protocol.UDP))
        .settle();
    String name = "10-244-0-53.dns-headless.kube-system.svc.cluster.local.";
    assertEquals("NOERROR | cluster.local. 5 NS " + name + " | +" + name + " 5 A 10.244.0.53",
        ask(f.server(COREFILE), "cluster.local", "NS"));
  }

  private static String ask(CoreDnsServer server, String name, String type) {
    return DnsFixture.summary(server.answer(DnsFixture.question(name, RecordType.parse(type))));
  }
}
