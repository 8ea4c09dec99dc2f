package io.kubenetsim.core.dns;

import static io.kubenetsim.core.dns.DnsFixture.endpoint;
import static io.kubenetsim.core.dns.DnsFixture.port;
import static io.kubenetsim.core.dns.DnsFixture.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PTR records (kubernetes/dns specification §2.3.3 and §2.4.3; upstream's {@code reverse.go}
 * and {@code reverse_test.go}): a cluster IP of either family names its Service; an endpoint
 * address names {@code <label>.<svc>.<ns>.svc.<zone>} once per Service whose slices hold it;
 * the names are under the plugin's first forward zone. Addresses nobody owns are NXDOMAIN —
 * handed on to {@code forward} when {@code fallthrough} covers the reverse zones, as kubeadm's
 * Corefile does — and reverse zones the plugin does not serve never reach it.
 */
class ReverseRecordsTest {
  private static DnsFixture cluster;

  record Case(String corefile, String address, String expected) {
    @Override
    public String toString() {
      return address + " with " + corefile;
    }
  }

  @BeforeAll
  static void cluster() {
    cluster = Layout.build();
    // A second Service selecting the pod behind svc1's endpoint: two PTRs for that address.
    cluster.clusterIp("testns/svc1-alias", "10.0.0.9", tcp("http", 80))
        .slice("testns/svc1-alias-abcde", "svc1-alias", "IPv4",
            List.of(endpoint("172.0.0.1", "svc1-pod")), port("http", 8080, Protocol.TCP))
        .settle();
    cluster.world.add(DnsName.reverse(IpAddress.parse("192.0.2.7")) + " PTR host.example.");
  }

  static Stream<Case> cases() {
    String all = "kubernetes cluster.local in-addr.arpa ip6.arpa";
    String kubeadm = Corefile.kubeadm("cluster.local");
    String forwardOnly = "kubernetes cluster.local";
    return Stream.of(
        new Case(all, "10.0.0.1", "NOERROR | 1.0.0.10.in-addr.arpa. 5 PTR "
            + "svc1.testns.svc.cluster.local."),
        new Case(all, "1234:abcd::1", "NOERROR | " + DnsName.reverse(IpAddress.parse(
            "1234:abcd::1")) + " 5 PTR svc6.testns.svc.cluster.local."),
        new Case(all, "10::3", "NOERROR | " + DnsName.reverse(IpAddress.parse("10::3"))
            + " 5 PTR svc-dual-stack.testns.svc.cluster.local."),
        new Case(all, "172.0.0.2", "NOERROR | 2.0.0.172.in-addr.arpa. 5 PTR "
            + "172-0-0-2.hdls1.testns.svc.cluster.local."),
        new Case(all, "172.0.0.4", "NOERROR | 4.0.0.172.in-addr.arpa. 5 PTR "
            + "dup-name.hdls1.testns.svc.cluster.local."),
        new Case(all, "5678:abcd::2", "NOERROR | " + DnsName.reverse(IpAddress.parse(
            "5678:abcd::2")) + " 5 PTR 5678-abcd--2.hdls1.testns.svc.cluster.local."),
        // One per Service, in the order of the slices' names.
        new Case(all, "172.0.0.1", "NOERROR | 1.0.0.172.in-addr.arpa. 5 PTR "
            + "172-0-0-1.svc1-alias.testns.svc.cluster.local. | 1.0.0.172.in-addr.arpa. 5 PTR "
            + "172-0-0-1.svc1.testns.svc.cluster.local."),
        new Case(all, "172.0.0.30", "NXDOMAIN | soa=in-addr.arpa. 5"),
        new Case(all, "192.0.2.7", "NXDOMAIN | soa=in-addr.arpa. 5"),
        new Case(kubeadm, "10.0.0.1", "NOERROR | 1.0.0.10.in-addr.arpa. 30 PTR "
            + "svc1.testns.svc.cluster.local."),
        new Case(kubeadm, "192.0.2.7", "NOERROR | 7.2.0.192.in-addr.arpa. 300 PTR host.example."),
        new Case(forwardOnly, "10.0.0.1", "NXDOMAIN"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void pointerRecords(Case c) {
    CoreDnsServer server = c.corefile().startsWith(".:53") ? cluster.server(c.corefile())
        : cluster.server(DnsFixture.corefile(c.corefile()));
    String name = DnsName.reverse(IpAddress.parse(c.address())).toString();
    assertEquals(c.expected(), DnsFixture.summary(server.answer(DnsFixture.question(name,
        RecordType.PTR))));
  }
}
