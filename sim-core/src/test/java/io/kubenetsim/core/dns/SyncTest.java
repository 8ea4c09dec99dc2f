package io.kubenetsim.core.dns;

import static io.kubenetsim.core.dns.DnsFixture.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.dns.RecordType;
import org.junit.jupiter.api.Test;

/**
 * Before its informers have synced, the kubernetes plugin answers SERVFAIL (with the SOA)
 * where it would otherwise say NXDOMAIN — upstream's {@code TestNotSyncedServeDNS} — while
 * names it already knows resolve; {@code fallthrough} is decided first.
 */
class SyncTest {

  @Test
  void unknownNamesAreServfailUntilSynced() {
    DnsFixture f = new DnsFixture();
    f.namespace("testns").clusterIp("testns/svc1", "10.0.0.1", tcp("http", 80));
    CoreDnsServer server = f.server(DnsFixture.corefile("kubernetes cluster.local"));
    assertEquals("SERVFAIL | soa=cluster.local. 5", ask(server, "svc1.testns.svc.cluster.local"));
    f.sim.runFor(DnsFixture.LAG);
    assertEquals("NOERROR | svc1.testns.svc.cluster.local. 5 A 10.0.0.1",
        ask(server, "svc1.testns.svc.cluster.local"));
    assertEquals("SERVFAIL | soa=cluster.local. 5", ask(server, "svc0.testns.svc.cluster.local"));
    f.zone.markSynced();
    assertEquals("NXDOMAIN | soa=cluster.local. 5", ask(server, "svc0.testns.svc.cluster.local"));
  }

  @Test
  void fallthroughIsDecidedBeforeTheSyncCheck() {
    DnsFixture f = new DnsFixture();
    f.world.add("svc0.testns.svc.cluster.local A 192.0.2.1");
    CoreDnsServer server = f.server(DnsFixture.corefile("kubernetes cluster.local",
        "fallthrough"));
    assertEquals("NOERROR | svc0.testns.svc.cluster.local. 300 A 192.0.2.1",
        ask(server, "svc0.testns.svc.cluster.local"));
  }

  private static String ask(CoreDnsServer server, String name) {
    return DnsFixture.summary(server.answer(DnsFixture.question(name, RecordType.A)));
  }
}
