package io.kubenetsim.core.dns;

import static io.kubenetsim.core.dns.ShopDns.addresses;
import static io.kubenetsim.core.dns.ShopDns.podIps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.StatefulSetHandle;
import io.kubenetsim.dns.DnsLookup;
import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.Rcode;
import io.kubenetsim.dns.RecordData;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.dns.ResourceRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kubernetes/dns specification's records ({@code docs/specification.md}), asked from pods
 * through their resolvers, every query real UDP traffic to kube-dns and a CoreDNS pod running
 * kubeadm's Corefile ({@code ttl 30}, {@code pods insecure}) on {@link ShopDns}'s cluster. Each
 * table row cites the specification section or the CoreDNS test ({@code
 * plugin/kubernetes/handler_test.go} unless named) it models; expected replies are written as
 * {@link DnsFixture#summary} prints them. Server-level cases without pods are {@link
 * KubernetesRecordsTest}'s; here every answer crosses the simulated network.
 */
class DnsRecordsFromPodsTest {
  private static final String SOA = "soa=cluster.local. 30";
  private static Cluster cluster;
  private static Map<String, String> tokens;

  @BeforeAll
  static void build() {
    cluster = ShopDns.build();
    tokens = ShopDns.tokens(cluster);
  }

  /**
   * One lookup: from a pod, a name as the application writes it, the queries the resolver sends
   * (the last is the one whose reply is returned) and that reply.
   */
  record Case(String source, String from, String name, RecordType type, int queries,
      String last, String reply) {
    @Override
    public String toString() {
      return source + ": " + name + " " + type + " from " + from;
    }
  }

  private static Case row(String source, String name, RecordType type, String reply) {
    return new Case(source, "shop/client", name, type, 1, name, reply);
  }

  static Stream<Case> records() {
    String web = "web.shop.svc.cluster.local.";
    return Stream.of(
        // A for a ClusterIP Service, through the search list (resolv.conf, ndots:5).
        row("spec 2.3.1", web, RecordType.A, "NOERROR | " + web + " 30 A {web}"),
        new Case("spec 2.3.1, ndots:5", "shop/client", "web.shop.svc.cluster.local",
            RecordType.A, 4, web, "NOERROR | " + web + " 30 A {web}"),
        new Case("spec 2.3.1, search svc.cluster.local", "shop/client", "web.shop.svc",
            RecordType.A, 3, web, "NOERROR | " + web + " 30 A {web}"),
        new Case("spec 2.3.1, search svc.cluster.local", "shop/client", "web.shop",
            RecordType.A, 2, web, "NOERROR | " + web + " 30 A {web}"),
        new Case("spec 2.3.1, search shop.svc.cluster.local", "shop/client", "web",
            RecordType.A, 1, web, "NOERROR | " + web + " 30 A {web}"),
        new Case("spec 2.3.1, another namespace's search list", "other/client", "web",
            RecordType.A, 4, "web.", "NXDOMAIN"),
        new Case("spec 2.3.1, search svc.cluster.local", "other/client", "web.shop",
            RecordType.A, 2, web, "NOERROR | " + web + " 30 A {web}"),
        // AAAA and dual-stack (commonDnsTestCases "AAAA Service", "Dual Stack ClusterIP").
        row("spec 2.3.1, AAAA Service", "web6.shop.svc.cluster.local.", RecordType.AAAA,
            "NOERROR | web6.shop.svc.cluster.local. 30 AAAA {web6}"),
        row("Dual Stack ClusterIP Services", "dual.shop.svc.cluster.local.", RecordType.A,
            "NOERROR | dual.shop.svc.cluster.local. 30 A {dual4}"),
        row("Dual Stack ClusterIP Services", "dual.shop.svc.cluster.local.", RecordType.AAAA,
            "NOERROR | dual.shop.svc.cluster.local. 30 AAAA {dual6}"),
        row("AAAA Service (with an existing A record, but no AAAA record)", web,
            RecordType.AAAA, "NODATA | " + SOA),
        row("spec 2.3.1, an IPv6 Service has no A", "web6.shop.svc.cluster.local.",
            RecordType.A, "NODATA | " + SOA),
        // SRV (spec 2.3.2; "SRV Service").
        row("spec 2.3.2", "_http._tcp." + web, RecordType.SRV, "NOERROR | _http._tcp." + web
            + " 30 SRV 0 100 80 " + web + " | +" + web + " 30 A {web}"),
        row("spec 2.3.2, no such port", "_https._tcp." + web, RecordType.SRV,
            "NXDOMAIN | " + SOA),
        // PTR (spec 2.3.3 for a ClusterIP, 2.4.3 for an endpoint; reverse_test.go).
        row("spec 2.3.3", "{web-rev}", RecordType.PTR, "NOERROR | {web-rev} 30 PTR " + web),
        row("spec 2.3.3, IPv6", "{dual6-rev}", RecordType.PTR,
            "NOERROR | {dual6-rev} 30 PTR dual.shop.svc.cluster.local."),
        row("spec 2.4.3, an endpoint IP", "{webpod-rev}", RecordType.PTR,
            "NOERROR | {webpod-rev} 30 PTR {webpod-dashed}." + web),
        // ExternalName (spec 2.5; "CNAME External").
        row("spec 2.5", "search.shop.svc.cluster.local.", RecordType.CNAME,
            "NOERROR | search.shop.svc.cluster.local. 30 CNAME search.example.com."),
        row("spec 2.5, the target resolved upstream", "search.shop.svc.cluster.local.",
            RecordType.A, "NOERROR | search.shop.svc.cluster.local. 30 CNAME "
                + "search.example.com. | search.example.com. 300 A 93.184.216.34"),
        // Pods (handler_pod_insecure_test.go), schema version (spec 2.2), apex NS (ns_test.go).
        row("pods insecure", "{client-dashed}.shop.pod.cluster.local.", RecordType.A,
            "NOERROR | {client-dashed}.shop.pod.cluster.local. 30 A {client}"),
        row("spec 2.2", "dns-version.cluster.local.", RecordType.TXT,
            "NOERROR | dns-version.cluster.local. 28800 TXT \"1.1.0\""),
        row("kubernetes_apex_test.go NS", "cluster.local.", RecordType.NS,
            "NOERROR | cluster.local. 30 NS kube-dns.kube-system.svc.cluster.local. "
                + "| +kube-dns.kube-system.svc.cluster.local. 30 A {kube-dns}"),
        // NXDOMAIN or NODATA (commonDnsTestCases; kubernetes_apex_test.go).
        row("A Service (non-existing service)", "nope.shop.svc.cluster.local.", RecordType.A,
            "NXDOMAIN | " + SOA),
        row("A TXT record does not exist but another record for the same FQDN does", web,
            RecordType.TXT, "NODATA | " + SOA),
        row("kubernetes_apex_test.go", "svc.cluster.local.", RecordType.A, "NODATA | " + SOA),
        row("kubernetes_apex_test.go", "pod.cluster.local.", RecordType.A, "NODATA | " + SOA),
        row("kubernetes_apex_test.go", "cluster.local.", RecordType.A, "NODATA | " + SOA),
        row("an existing namespace", "shop.svc.cluster.local.", RecordType.A,
            "NODATA | " + SOA),
        row("A Service (non-existing namespace)", "web.nowhere.svc.cluster.local.",
            RecordType.A, "NXDOMAIN | " + SOA),
        row("nsTestCases, a namespace that doesn't exist", "nowhere.svc.cluster.local.",
            RecordType.A, "NXDOMAIN | " + SOA),
        row("A Service (Headless) does not exist: no endpoints", "empty.shop.svc.cluster.local.",
            RecordType.A, "NXDOMAIN | " + SOA),
        row("bogusendpoint", "bogus.db.shop.svc.cluster.local.", RecordType.A,
            "NXDOMAIN | " + SOA),
        // Case (handler_case_test.go TestPreserveCase).
        row("dnsPreserveCaseCases A", "WEB.Shop.SVC.cluster.local.", RecordType.A,
            "NOERROR | WEB.Shop.SVC.cluster.local. 30 A {web}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void aPodGetsTheSpecifiedRecord(Case c) {
    String name = ShopDns.fill(c.name(), tokens);
    DnsLookup lookup = cluster.getPod(c.from()).lookup(name, c.type());
    assertEquals(c.queries(), lookup.tried().size(), lookup.toString());
    assertEquals(ShopDns.fill(c.last(), tokens), lookup.tried().get(c.queries() - 1).question()
        .name().toString(), lookup.toString());
    String reply = DnsFixture.summary(lookup.response().orElseThrow(() ->
        new AssertionError("no reply: " + lookup)));
    // The name as written, outside the cluster zone, is answered upstream: its code alone.
    assertEquals(ShopDns.fill(c.reply(), tokens), c.reply().equals("NXDOMAIN")
        ? lookup.rcode().orElseThrow().toString() : reply, lookup.toString());
    assertTrue(lookup.tried().stream().allMatch(a -> a.server().toString()
        .equals(tokens.get("{kube-dns}"))), lookup.toString());
  }

  @Test
  void theApexSoaIsKubeadmsWithTheTtlAsMinimum() {
    // kubernetes_apex_test.go: the zone's SOA, ns.dns.<zone>., hostmaster.<zone>.
    DnsLookup soa = client().lookup("cluster.local.", RecordType.SOA);
    ResourceRecord record = soa.answers().get(0);
    assertEquals(1, soa.answers().size(), soa.toString());
    assertEquals("cluster.local.", record.name().toString());
    assertEquals(30, record.ttl());
    RecordData.Soa data = (RecordData.Soa) record.data();
    assertEquals(List.of("ns.dns.cluster.local.", "hostmaster.cluster.local.", "7200", "1800",
        "86400", "30"), List.of(data.mname().toString(), data.rname().toString(),
            "" + data.refresh(), "" + data.retry(), "" + data.expire(), "" + data.minimum()));
    assertTrue(data.serial() > 0, soa.toString());
  }

  @Test
  void aNegativeAnswerNamesTheZoneInTheQuestionsCase() {
    // dnsPreserveCaseCases, "Negative response": the SOA owner keeps the question's case.
    DnsLookup lookup = client().lookup("not-a-service.shop.svc.ClUsTeR.lOcAl.", RecordType.A);
    assertEquals(Rcode.NXDOMAIN, lookup.rcode().orElseThrow());
    assertEquals("ClUsTeR.lOcAl.", lookup.response().orElseThrow().authority().get(0).name()
        .toString(), lookup.toString());
  }

  @Test
  void aHeadlessServiceAnswersItsReadyEndpointsOnly() {
    // spec 2.4.1: one A per ready endpoint; publishNotReadyAddresses makes every pod ready.
    Set<String> ready = new TreeSet<>();
    cluster.pods("shop", "app=db").stream().filter(PodHandle::isReady)
        .forEach(p -> ready.add(p.ip().orElseThrow()));
    assertEquals(2, ready.size(), "db-warming waits for its readiness gate");
    assertEquals(ready, addresses(client().lookup("db", RecordType.A)));
    Set<String> all = podIps(cluster, "shop", "app=db");
    assertEquals(3, all.size());
    assertEquals(all, addresses(client().lookup("db-all", RecordType.A)));
    DnsLookup owners = client().lookup("db.shop.svc.cluster.local.", RecordType.A);
    assertTrue(owners.answers().stream().allMatch(r -> r.name().toString()
        .equals("db.shop.svc.cluster.local.") && r.ttl() == 30), owners.toString());
  }

  @Test
  void aHeadlessEndpointHasItsOwnNameAndSrvNamesOneTargetPerEndpoint() {
    // spec 2.4.1 (<hostname>.<service>: the IP dashed, no hostname set) and 2.4.2; the port is
    // the endpoint's (the target port), the weight floor(100 / 2) (backend_lookup.go SRV).
    String db = "db.shop.svc.cluster.local.";
    DnsLookup srv = client().lookup("_pg._tcp.db", RecordType.SRV);
    Set<String> expected = new TreeSet<>();
    Set<String> targets = new TreeSet<>();
    for (PodHandle pod : cluster.pods("shop", "app=db")) {
      if (pod.isReady()) {
        String dashed = pod.ip().orElseThrow().replace('.', '-');
        expected.add("0 50 5432 " + dashed + "." + db);
        DnsLookup own = client().lookup(dashed + ".db", RecordType.A);
        assertEquals(List.of(pod.ip().orElseThrow()), own.addresses().stream()
            .map(Object::toString).toList(), own.toString());
      }
    }
    srv.answers().forEach(r -> targets.add(r.data().toString()));
    assertEquals(expected, targets, srv.toString());
    assertEquals(2, srv.answers().size());
    assertEquals(2, srv.response().orElseThrow().additional().size(), srv.toString());
  }

  @Test
  void aHeadlessServiceWithAnIpv6SliceAnswersAaaa() {
    // commonDnsTestCases "AAAA Service (Headless)": the slice's addressType decides the type.
    DnsLookup aaaa = client().lookup("legacy6.shop.svc.cluster.local.", RecordType.AAAA);
    assertEquals(Set.of("fd00:db8::5"), addresses(aaaa), aaaa.toString());
    DnsLookup a = client().lookup("legacy6.shop.svc.cluster.local.", RecordType.A);
    assertTrue(a.response().orElseThrow().isNoData(), a.toString());
  }

  @Test
  void aPodIpInNoServiceHasNoPtr() {
    // reverse_test.go: an address no Service or endpoint holds falls through to forward, and
    // the upstream zones hold no reverse names.
    DnsLookup ptr = client().lookup(tokens.get("{client-rev}"), RecordType.PTR);
    assertEquals(Rcode.NXDOMAIN, ptr.rcode().orElseThrow(), ptr.toString());
  }

  @Test
  void aStatefulSetPodResolvesByItsStableNameAndTheNamesAppearAndGoInOrdinalOrder() {
    // spec 2.4.1 with the endpoint's hostname (the StatefulSet controller sets each pod's
    // hostname and subdomain); OrderedReady creates web-1 only once web-0 is Ready, and scaling
    // down removes the highest ordinal first, so the names come and go in that order.
    Cluster c = KubeSim.cluster().nodes(2).seed(5).build();
    c.createNamespace("shop");
    c.pod("shop/client").create();
    c.service("shop/web").selector("app", "web").port("http", 80, "http").headless().create();
    c.settle();
    StatefulSetHandle web = c.statefulSet("shop/web").serviceName("web").replicas(3)
        .label("app", "web").containerPort("http", 8080).create();
    PodHandle client = c.getPod("shop/client");
    assertEquals(List.of(Set.of(), Set.of(0), Set.of(0, 1), Set.of(0, 1, 2)),
        namesSeen(c, client), c.events().toString());
    for (PodHandle pod : web.pods()) {
      DnsLookup own = client.lookup(pod.name() + ".web.shop.svc.cluster.local", RecordType.A);
      assertEquals(List.of(pod.ip().orElseThrow()), own.addresses().stream()
          .map(Object::toString).toList(), own.toString());
      assertEquals(pod.name() + ".web.shop.svc.cluster.local.", own.answers().get(0).name()
          .toString());
    }
    // spec 2.4.2 and 2.4.3: SRV targets and PTR names use the endpoint's hostname.
    DnsLookup srv = client.lookup("_http._tcp.web", RecordType.SRV);
    assertEquals(List.of("0 33 8080 web-0.web.shop.svc.cluster.local.",
        "0 33 8080 web-1.web.shop.svc.cluster.local.",
        "0 33 8080 web-2.web.shop.svc.cluster.local."), srv.answers().stream()
            .map(r -> r.data().toString()).sorted().toList(), srv.toString());
    DnsLookup ptr = client.lookup(DnsName.reverse(ShopDns.ip(web.pods().get(1))).toString(),
        RecordType.PTR);
    assertEquals(List.of("web-1.web.shop.svc.cluster.local."), ptr.answers().stream()
        .map(r -> r.data().toString()).toList(), ptr.toString());
    web.scale(1);
    assertEquals(List.of(Set.of(0, 1, 2), Set.of(0, 1), Set.of(0)), namesSeen(c, client));
  }

  /**
   * {@return the ordinals {@code i} whose {@code web-i.web.shop.svc.cluster.local} resolves,
   * each time that set changes, sampled every 100 ms for two minutes}
   */
  private static List<Set<Integer>> namesSeen(Cluster c, PodHandle client) {
    List<Set<Integer>> seen = new ArrayList<>();
    for (int tick = 0; tick < 1200; tick++) {
      Set<Integer> now = new TreeSet<>();
      for (int i = 0; i < 3; i++) {
        if (client.lookup("web-" + i + ".web.shop.svc.cluster.local.", RecordType.A)
            .resolved()) {
          now.add(i);
        }
      }
      if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(now)) {
        seen.add(now);
      }
      c.runFor(Duration.ofMillis(100));
    }
    return seen;
  }

  private static PodHandle client() {
    return cluster.getPod("shop/client");
  }
}
