package io.kubenetsim.core.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.dns.DnsAttempt;
import io.kubenetsim.dns.DnsLookup;
import io.kubenetsim.dns.DnsQuestion;
import io.kubenetsim.dns.DnsResponse;
import io.kubenetsim.dns.Rcode;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.dns.ResourceRecord;
import io.kubenetsim.net.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reply too large for a UDP datagram without EDNS0 (512 octets, RFC 1035 §4.2.1) comes back
 * truncated and the resolver asks again over TCP (glibc's {@code res_send}: TC set, so {@code
 * send_vc} to the same server) — which is why a NetworkPolicy for DNS must allow TCP 53 as well
 * as UDP 53.
 */
class TruncatedAnswersTest {

  @Test
  void wireSizeCompressesNamesAsCoreDnsDoes() {
    DnsQuestion q = DnsQuestion.of("web.shop.svc.cluster.local", RecordType.A);
    DnsResponse one = DnsResponse.of(q, Rcode.NOERROR,
        List.of(ResourceRecord.parse("web.shop.svc.cluster.local. 30 IN A 10.96.0.15")),
        List.of(), List.of());
    // Header 12, question 28 + 4, answer: a pointer 2, fixed 10, address 4.
    assertEquals(60, WireSize.of(one));
    DnsResponse srv = DnsResponse.of(DnsQuestion.of("_http._tcp.web.shop.svc.cluster.local",
        RecordType.SRV), Rcode.NOERROR, List.of(ResourceRecord.parse(
            "_http._tcp.web.shop.svc.cluster.local. 30 IN SRV 0 100 80 "
                + "web.shop.svc.cluster.local.")),
        List.of(), List.of());
    // Question 39 + 4; answer 2 + 10 + 6 + the target written out (SRV targets are not
    // compressed): 28.
    assertEquals(12 + 43 + 46, WireSize.of(srv));
  }

  private static Cluster bigHeadless() {
    Cluster c = KubeSim.cluster().nodes(2).seed(17).build();
    c.createNamespace("shop");
    c.deployment("shop/db").replicas(40).label("app", "db").containerPort("pg", 5432).create();
    c.service("shop/db").selector("app", "db").port("pg", 5432, 5432).headless().create();
    c.service("shop/web").selector("app", "db").port("http", 80, 5432).create();
    c.pod("shop/client").label("app", "client").create();
    c.settle();
    return c;
  }

  @Test
  void fortyEndpointsDoNotFitUdpSoTheResolverAsksAgainOverTcp() {
    Cluster c = bigHeadless();
    DnsLookup db = c.getPod("shop/client").lookup("db", RecordType.A);
    assertEquals(40, db.addresses().size(), db.toString());
    DnsAttempt attempt = db.tried().get(0);
    assertEquals(Protocol.TCP, attempt.protocol());
    assertTrue(WireSize.of(attempt.response().orElseThrow()) > WireSize.UDP_LIMIT);
    assertTrue(attempt.connection().orElseThrow().explain().startsWith("TCP "),
        attempt.connection().orElseThrow().explain());
    assertEquals(Protocol.UDP, c.getPod("shop/client").lookup("web", RecordType.A).tried()
        .get(0).protocol(), "a small reply fits one datagram");
  }

  @Test
  void aPolicyAllowingOnlyUdp53BreaksLargeAnswersAndTcp53FixesThem() {
    Cluster c = bigHeadless();
    c.networkPolicy("shop/deny-egress").podSelector("").policyTypes("Egress").create();
    c.networkPolicy("shop/dns-udp-only").podSelector("").policyTypes("Egress")
        .egress(r -> r.toPodsInNamespaces("k8s-app=kube-dns",
            "kubernetes.io/metadata.name=kube-system").port(53, Protocol.UDP))
        .create();
    c.settle();
    PodHandle client = c.getPod("shop/client");
    assertTrue(client.lookup("web", RecordType.A).resolved(), "small answers still work");
    DnsLookup db = client.lookup("db", RecordType.A);
    // The TCP retry times out, which ends the search list; "db." as written is NXDOMAIN.
    assertFalse(db.resolved(), db.toString());
    DnsAttempt first = db.tried().get(0);
    assertTrue(first.timedOut(), db.toString());
    assertEquals(Protocol.TCP, first.protocol());
    assertTrue(first.connection().orElseThrow().reason().contains("dropped by NetworkPolicy"),
        first.connection().orElseThrow().reason());

    c.networkPolicy("shop/dns-tcp").podSelector("").policyTypes("Egress")
        .egress(r -> r.toPodsInNamespaces("k8s-app=kube-dns",
            "kubernetes.io/metadata.name=kube-system").port(53, Protocol.TCP))
        .create();
    c.settle();
    assertEquals(40, client.lookup("db", RecordType.A).addresses().size());
  }
}
