package io.kubenetsim.core.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.dns.DnsAttempt;
import io.kubenetsim.dns.DnsLookup;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Queries are traffic (issue 9, "DNS as traffic"): a pod's query is a UDP datagram to the
 * kube-dns ClusterIP, DNATed by kube-proxy to a CoreDNS pod, subject to NetworkPolicy; so a
 * policy, dead CoreDNS pods or a failed node break name resolution as they do in a cluster,
 * and CoreDNS answers from informers that lag behind the API.
 */
class DnsAsTrafficTest {

  private static Cluster shop() {
    Cluster c = KubeSim.cluster().nodes(2).seed(9).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(2).label("app", "web").containerPort("http", 8080)
        .create();
    c.pod("shop/client").label("app", "client").create();
    c.service("shop/web").selector("app", "web").port("http", 80, "http").create();
    c.settle();
    return c;
  }

  @Test
  void aShortNameResolvesThroughKubeDnsToACoreDnsPod() {
    Cluster c = shop();
    DnsLookup web = c.getPod("shop/client").lookup("web", RecordType.A);
    assertEquals(List.of(IpAddress.parse(c.getService("shop/web").clusterIP())),
        web.addresses(), web.toString());
    assertEquals(1, web.tried().size(), web.toString());
    DnsAttempt query = web.tried().get(0);
    assertEquals(IpAddress.parse(c.getService("kube-system/kube-dns").clusterIP()),
        query.server());
    Connection datagram = query.connection().orElseThrow();
    assertTrue(datagram.backendPod().orElseThrow().startsWith("kube-system/coredns-"),
        datagram.explain());
    assertEquals(53, datagram.backend().orElseThrow().port());
  }

  @Test
  void connectingByNameShowsTheDnsHopFirstAndAnUnknownNameIsUnresolved() {
    Cluster c = shop();
    Connection conn = c.getPod("shop/client").connect("web", 80);
    assertEquals(ConnectionVerdict.ESTABLISHED, conn.verdict(), conn.explain());
    assertTrue(conn.hops().get(0).via().startsWith("DNS web.shop.svc.cluster.local. A -> "
        + "NOERROR"), conn.explain());
    assertEquals(53, conn.hops().get(0).from().port());
    assertEquals(8080, conn.backend().orElseThrow().port());
    assertTrue(conn.lookup().orElseThrow().resolved());

    Connection missing = c.getPod("shop/client").connect("nope", 80);
    assertEquals(ConnectionVerdict.UNRESOLVED, missing.verdict(), missing.explain());
    assertEquals(4, missing.hops().size(), "three search domains, then the name as written");
    assertTrue(missing.reason().contains("NXDOMAIN"), missing.reason());
    assertTrue(missing.backend().isEmpty());
  }

  @Test
  void aDefaultDenyEgressPolicyBreaksConnectAtTheDnsStepAndAllowingPort53FixesIt() {
    Cluster c = shop();
    c.networkPolicy("shop/default-deny-egress").podSelector("").policyTypes("Egress").create();
    c.settle();
    PodHandle client = c.getPod("shop/client");
    Connection denied = client.connect("web", 80);
    assertEquals(ConnectionVerdict.UNRESOLVED, denied.verdict(), denied.explain());
    assertTrue(denied.hops().get(0).via().contains("timed out (10.96.0.10): dropped by "
        + "NetworkPolicy: egress of shop/client: denied"), denied.explain());
    assertTrue(denied.reason().startsWith("could not resolve host web: no DNS server answered"),
        denied.reason());
    // glibc's __res_context_search: a timeout stops the search list, then the name is tried
    // as written; each name costs 2 attempts of 5 s.
    assertEquals(List.of("web.shop.svc.cluster.local.", "web.shop.svc.cluster.local.", "web.",
        "web."), denied.lookup().orElseThrow().tried().stream()
            .map(a -> a.question().name().toString()).toList());
    assertEquals(Duration.ofSeconds(20), denied.lookup().orElseThrow().elapsed());

    c.networkPolicy("shop/allow-dns").podSelector("").policyTypes("Egress")
        .egress(r -> r.toPodsInNamespaces("k8s-app=kube-dns",
            "kubernetes.io/metadata.name=kube-system").port(53, Protocol.UDP)
            .port(53, Protocol.TCP))
        .create();
    c.settle();
    Connection dnsOnly = client.connect("web", 80);
    assertTrue(dnsOnly.lookup().orElseThrow().resolved(), dnsOnly.explain());
    assertEquals(ConnectionVerdict.TIMED_OUT, dnsOnly.verdict(), "web itself is not allowed");

    c.networkPolicy("shop/allow-web").podSelector("app=client").policyTypes("Egress")
        .egress(r -> r.toPods("app=web").port(8080)).create();
    c.settle();
    Connection allowed = client.connect("web", 80);
    assertEquals(ConnectionVerdict.ESTABLISHED, allowed.verdict(), allowed.explain());
  }

  @Test
  void withBothCoreDnsPodsGoneALookupTimesOut() {
    Cluster c = shop();
    c.getDeployment("kube-system/coredns").scale(0);
    c.settle();
    DnsLookup lookup = c.getPod("shop/client").lookup("web", RecordType.A);
    assertTrue(lookup.timedOut(), lookup.toString());
    assertTrue(lookup.tried().get(0).connection().orElseThrow().reason().contains(
        "has no endpoints"), lookup.tried().get(0).connection().orElseThrow().reason());
    Connection conn = c.getPod("shop/client").connect("web", 80);
    assertEquals(ConnectionVerdict.UNRESOLVED, conn.verdict());
  }

  @Test
  void whenTheCoreDnsNodeFailsQueriesTimeOutUntilTheEndpointsMove() {
    Cluster c = KubeSim.cluster().nodes(3).seed(4).coreDnsReplicas(1).build();
    c.createNamespace("shop");
    c.service("shop/web").selector("app", "web").port("http", 80, 8080).create();
    c.settle();
    PodHandle coredns = c.pods("kube-system", "k8s-app=kube-dns").get(0);
    String dnsNode = coredns.node().orElseThrow();
    String other = c.nodes().stream().map(n -> n.name()).filter(n -> !n.equals(dnsNode))
        .findFirst().orElseThrow();
    c.pod("shop/client").nodeName(other).create();
    c.settle();
    c.node(dnsNode).fail();
    DnsLookup during = c.getPod("shop/client").lookup("web", RecordType.A);
    assertTrue(during.timedOut(), during.toString());
    assertTrue(during.tried().get(0).connection().orElseThrow().reason().contains("down"),
        during.toString());
    c.runFor(Duration.ofMinutes(6));
    c.settle();
    DnsLookup after = c.getPod("shop/client").lookup("web", RecordType.A);
    assertTrue(after.resolved(), "a replacement CoreDNS pod on a live node answers: " + after);
  }

  @Test
  void aStaleProxyRuleSendsQueriesToAGoneCoreDnsPodUntilTheNodeResyncs() {
    Cluster c = KubeSim.cluster().nodes(2).seed(6).coreDnsReplicas(1).build();
    c.createNamespace("shop");
    c.service("shop/web").selector("app", "web").port("http", 80, 8080).create();
    c.pod("shop/client").create();
    c.settle();
    PodHandle old = c.pods("kube-system", "k8s-app=kube-dns").get(0);
    String oldIp = old.ip().orElseThrow();
    old.delete(Duration.ZERO);
    DnsLookup stale = c.getPod("shop/client").lookup("web", RecordType.A);
    assertTrue(stale.timedOut(), stale.toString());
    Connection datagram = stale.tried().get(0).connection().orElseThrow();
    assertEquals(oldIp, datagram.backend().orElseThrow().ip().toString(),
        "the node's rules still DNAT to the deleted pod");
    assertTrue(datagram.reason().contains("nothing holds " + oldIp), datagram.reason());
    c.settle();
    assertTrue(c.getPod("shop/client").lookup("web", RecordType.A).resolved(),
        "once a new CoreDNS pod is ready and the rules are resynced");
  }

  private static Cluster headlessDb() {
    Cluster c = KubeSim.cluster().nodes(2).seed(12).build();
    c.createNamespace("shop");
    c.deployment("shop/db").replicas(2).label("app", "db").containerPort(5432).create();
    c.service("shop/db").selector("app", "db").port("pg", 5432, 5432).headless().create();
    c.pod("shop/client").create();
    c.settle();
    return c;
  }

  @Test
  void aHeadlessAnswerIsStaleForTheWatchLagAfterItsPodIsReplaced() {
    assertStaleWindow(headlessDb());
  }

  @Test
  void afterCoreDnsPodsRestartTheHeadlessAnswerStillChangesOnlyAfterTheWatchLag() {
    Cluster c = headlessDb();
    List<PodHandle> coreDns = c.pods("kube-system", "k8s-app=kube-dns");
    coreDns.forEach(PodHandle::crash);
    c.settle();
    assertTrue(coreDns.stream().allMatch(p -> p.restartCount() == 1));
    assertStaleWindow(c);
  }

  /**
   * Replaces one of the db pods and steps the simulation until the API's EndpointSlice has
   * changed: CoreDNS, whose informers lag, still answers the old set until one informer lag
   * (100 ms) later.
   */
  private static void assertStaleWindow(Cluster c) {
    PodHandle client = c.getPod("shop/client");
    Set<String> before = addresses(client.lookup("db", RecordType.A));
    assertEquals(ips(c, "app=db"), before);
    c.pods("shop", "app=db").get(0).delete(Duration.ZERO);
    Set<String> sliceIps;
    do {
      c.step();
      sliceIps = c.getService("shop/db").slices().stream()
          .flatMap(s -> s.endpoints().stream()).filter(e -> e.conditions().isReady())
          .flatMap(e -> e.addresses().stream()).collect(Collectors.toCollection(TreeSet::new));
    } while (sliceIps.equals(before));
    Duration changed = c.elapsed();
    assertEquals(before, addresses(client.lookup("db", RecordType.A)),
        "within the watch lag CoreDNS still answers the old set");
    c.runFor(Duration.ofMillis(99));
    assertEquals(before, addresses(client.lookup("db", RecordType.A)), "99 ms on: still stale");
    c.runFor(Duration.ofMillis(1));
    assertEquals(sliceIps, addresses(client.lookup("db", RecordType.A)),
        "one informer lag (100 ms) after the slice changed at " + changed);
  }

  @Test
  void anOutsideNameCostsThreeNxdomainsFirstAndResolvesFromTheUpstreamZone() {
    Cluster c = shop();
    c.upstreamZone("internet").a("example.com", "93.184.216.34").create();
    DnsLookup lookup = c.getPod("shop/client").lookup("example.com", RecordType.A);
    assertEquals(List.of("example.com.shop.svc.cluster.local.", "example.com.svc.cluster.local.",
        "example.com.cluster.local.", "example.com."), lookup.tried().stream()
            .map(a -> a.question().name().toString()).toList());
    assertEquals(List.of(IpAddress.parse("93.184.216.34")), lookup.addresses());
    DnsLookup dotted = c.getPod("shop/client").lookup("example.com.", RecordType.A);
    assertEquals(1, dotted.tried().size(), "an absolute name skips the search list");
    assertEquals(List.of("nowhere.example."), c.getPod("shop/client")
        .lookup("nowhere.example", RecordType.A).tried().stream().skip(3)
        .map(a -> a.question().name().toString()).toList());
  }

  @Test
  void coreDnsForwardsAsTrafficSoAnEgressPolicyOnCoreDnsTurnsOutsideNamesIntoServfail() {
    Cluster c = shop();
    c.upstreamZone("internet").a("example.com", "93.184.216.34").create();
    c.networkPolicy("kube-system/coredns-no-egress").podSelector("k8s-app=kube-dns")
        .policyTypes("Egress").create();
    c.settle();
    DnsLookup outside = c.getPod("shop/client").lookup("example.com.", RecordType.A);
    assertEquals(io.kubenetsim.dns.Rcode.SERVFAIL, outside.rcode().orElseThrow(),
        outside.toString());
    assertFalse(c.getPod("shop/client").lookup("web", RecordType.A).addresses().isEmpty(),
        "cluster names need no forwarding");
  }

  private static Set<String> addresses(DnsLookup lookup) {
    return lookup.addresses().stream().map(Object::toString)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> ips(Cluster c, String selector) {
    return c.pods("shop", selector).stream().map(p -> p.ip().orElseThrow())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
