package io.kubenetsim.core.dns;

import static io.kubenetsim.core.dns.DnsFixture.endpoint;
import static io.kubenetsim.core.dns.DnsFixture.port;
import static io.kubenetsim.core.dns.DnsFixture.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodPhase;
import io.kubenetsim.model.Service;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The zone follows the API object by object, as upstream's informer handlers do ({@code
 * controller.go} {@code Add}/{@code Update}/{@code Delete}, {@code detectChanges}): a slice's
 * change rebuilds its one Service's endpoints and touches nothing else; deletions remove
 * exactly their object's names; the SOA serial moves only on changes that alter records.
 */
class ZoneIncrementalTest {
  private static final String COREFILE = DnsFixture.corefile(
      "kubernetes cluster.local in-addr.arpa", "pods verified");

  @Test
  void changingOneSliceChangesOnlyThatServicesAnswers() {
    DnsFixture f = Layout.build();
    CoreDnsServer server = f.server(COREFILE);
    NamespacedName hdls1 = NamespacedName.of("testns", "hdls1");
    NamespacedName svc1 = NamespacedName.of("testns", "svc1");
    ServiceEndpoints svc1Before = f.zone.endpoints(svc1);
    ServiceEndpoints hdls1Before = f.zone.endpoints(hdls1);
    f.slice("testns/hdls1-v4", "hdls1", "IPv4", List.of(endpoint("172.0.0.2", "hdls1-a"),
        endpoint("172.0.0.3", "hdls1-b", "", false)), port("http", 80, Protocol.TCP)).settle();
    assertSame(svc1Before, f.zone.endpoints(svc1));
    assertNotSame(hdls1Before, f.zone.endpoints(hdls1));
    assertEquals("NOERROR | hdls1.testns.svc.cluster.local. 5 A 172.0.0.2",
        ask(server, "hdls1.testns.svc.cluster.local", RecordType.A));
    assertEquals("NXDOMAIN | soa=cluster.local. 5",
        ask(server, "dup-name.hdls1.testns.svc.cluster.local", RecordType.A));
    assertEquals("NXDOMAIN | soa=in-addr.arpa. 5", ask(server, "3.0.0.172.in-addr.arpa",
        RecordType.PTR));
    assertEquals("NOERROR | hdls1.testns.svc.cluster.local. 5 AAAA 5678:abcd::1 "
        + "| hdls1.testns.svc.cluster.local. 5 AAAA 5678:abcd::2",
        ask(server, "hdls1.testns.svc.cluster.local", RecordType.AAAA));
  }

  @Test
  void deletingAServiceRemovesItsNamesAndItsClusterIp() {
    DnsFixture f = Layout.build();
    CoreDnsServer server = f.server(COREFILE);
    f.delete(Service.KIND, "testns/svc1").settle();
    assertEquals("NXDOMAIN | soa=cluster.local. 5",
        ask(server, "svc1.testns.svc.cluster.local", RecordType.A));
    assertEquals("NXDOMAIN | soa=in-addr.arpa. 5",
        ask(server, "1.0.0.10.in-addr.arpa", RecordType.PTR));
    // Its slice is still there (nothing deleted it): the endpoint's PTR stays.
    assertEquals("NOERROR | 1.0.0.172.in-addr.arpa. 5 PTR "
        + "172-0-0-1.svc1.testns.svc.cluster.local.",
        ask(server, "1.0.0.172.in-addr.arpa", RecordType.PTR));
    assertEquals("NOERROR | svcempty.testns.svc.cluster.local. 5 A 10.0.0.2",
        ask(server, "svcempty.testns.svc.cluster.local", RecordType.A));
  }

  @Test
  void deletingANamespaceHidesItsNames() {
    DnsFixture f = Layout.build();
    CoreDnsServer server = f.server(COREFILE);
    f.namespace("gone").clusterIp("gone/web", "10.0.0.50", tcp("http", 80)).settle();
    assertEquals("NOERROR | web.gone.svc.cluster.local. 5 A 10.0.0.50",
        ask(server, "web.gone.svc.cluster.local", RecordType.A));
    // The namespace is gone from CoreDNS's view before the Service is (no GC runs here).
    f.deleteNamespace("gone").settle();
    assertEquals("NXDOMAIN | soa=cluster.local. 5",
        ask(server, "web.gone.svc.cluster.local", RecordType.A));
    assertEquals("NXDOMAIN | soa=cluster.local. 5",
        ask(server, "gone.svc.cluster.local", RecordType.A));
    assertEquals("NOERROR | svc1.testns.svc.cluster.local. 5 A 10.0.0.1",
        ask(server, "svc1.testns.svc.cluster.local", RecordType.A));
  }

  @Test
  void aSliceRelabelledToAnotherServiceMovesItsEndpoints() {
    DnsFixture f = Layout.build();
    CoreDnsServer server = f.server(COREFILE);
    f.slice("testns/hdlsprtls-x", "hdls-unready", "IPv4", List.of(endpoint("172.0.0.20", "")))
        .settle();
    assertEquals("NXDOMAIN | soa=cluster.local. 5",
        ask(server, "hdlsprtls.testns.svc.cluster.local", RecordType.A));
    assertEquals("NOERROR | hdls-unready.testns.svc.cluster.local. 5 A 172.0.0.20",
        ask(server, "hdls-unready.testns.svc.cluster.local", RecordType.A));
  }

  @Test
  void theSerialMovesOnlyWhenRecordsChange() {
    DnsFixture f = Layout.build();
    long start = DnsFixture.START.getEpochSecond();
    assertEquals(start + 1, f.zone.serial());
    f.sim.runFor(Duration.ofSeconds(10));
    // A label on a Service changes no record (upstream's serviceModified), nor a namespace.
    f.store.patch(Service.class, NamespacedName.of("testns", "svc1"), s -> s.withMetadata(
        s.metadata().withLabels(io.kubenetsim.model.Labels.parse("tier=web"))), "test", "");
    f.namespace("later").settle();
    assertEquals(start + 1, f.zone.serial());
    f.clusterIp("testns/svc1", "10.0.0.1", tcp("http", 80), tcp("metrics", 9090)).settle();
    assertEquals(start + 13, f.zone.serial());
    f.sim.runFor(Duration.ofSeconds(5));
    f.slice("testns/svc1-x7k2p", "svc1", "IPv4", List.of(endpoint("172.0.0.1", "svc1-pod")),
        port("http", 8080, Protocol.TCP)).settle();
    assertEquals(start + 13, f.zone.serial(), "an identical slice rewrite");
    f.delete("EndpointSlice", "testns/svc1-x7k2p").settle();
    assertEquals(start + 20, f.zone.serial());
  }

  @Test
  void verifiedPodsFollowThePodInformer() {
    DnsFixture f = Layout.build();
    CoreDnsServer server = f.server(COREFILE);
    String name = "10-240-0-1.podns.pod.cluster.local";
    assertEquals("NOERROR | " + name + ". 5 A 10.240.0.1", ask(server, name, RecordType.A));
    // A terminating pod keeps its entry (upstream ignores its updates) ...
    f.store.delete(io.kubenetsim.model.ObjectRef.namespaced(Pod.KIND, NamespacedName.of("podns",
        "pod1")), Optional.of(30L), "test", "");
    f.settle();
    assertEquals("NOERROR | " + name + ". 5 A 10.240.0.1", ask(server, name, RecordType.A));
    // ... a failed pod leaves the informer's field selector.
    f.store.patch(Pod.class, NamespacedName.of("podns", "pod1"), p -> p.withStatus(
        new io.kubenetsim.model.PodStatus(PodPhase.FAILED, p.status().conditions(), "",
            "10.240.0.1", p.status().podIPs(), Optional.empty(),
            com.google.common.collect.ImmutableList.of(), "")), "test", "");
    f.settle();
    assertEquals("NXDOMAIN | soa=cluster.local. 5", ask(server, name, RecordType.A));
  }

  @Test
  void readMethodsAreSorted() {
    DnsFixture f = Layout.build();
    assertEquals(List.of("kube-system", "podns", "testns"), f.zone.namespaces());
    List<NamespacedName> services = f.zone.services();
    assertEquals(services.stream().sorted().toList(), services);
    assertEquals(List.of(NamespacedName.of("testns", "svc1")), f.zone.servicesWithClusterIp(
        IpAddress.parse("10.0.0.1")).stream().map(ZoneService::key).toList());
    assertEquals(Optional.of(IpAddress.parse("10.0.0.1")),
        DnsName.of("1.0.0.10.in-addr.arpa").reverseAddress());
  }

  private static String ask(CoreDnsServer server, String name, RecordType type) {
    return DnsFixture.summary(server.answer(DnsFixture.question(name, type)));
  }
}
