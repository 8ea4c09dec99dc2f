package io.kubenetsim.core.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.dns.DnsLookup;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.IpAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    PodHandle client = c.getPod("shop/client");
    DnsLookup web = client.lookup("web", RecordType.A);
    assertEquals(List.of(IpAddress.parse(c.getService("shop/web").clusterIP())),
        web.addresses(), web.toString());
    assertEquals(1, web.tried().size(), web.toString());
    Connection datagram = web.tried().get(0).connection().orElseThrow();
    assertTrue(datagram.backendPod().orElseThrow().startsWith("kube-system/coredns-"),
        datagram.explain());
  }

  @Test
  void connectingByNameShowsTheDnsHopFirst() {
    Cluster c = shop();
    Connection conn = c.getPod("shop/client").connect("web", 80);
    assertEquals(ConnectionVerdict.ESTABLISHED, conn.verdict(), conn.explain());
    assertTrue(conn.hops().get(0).via().startsWith("DNS web.shop.svc.cluster.local. A"),
        conn.explain());
    Connection missing = c.getPod("shop/client").connect("nope", 80);
    assertEquals(ConnectionVerdict.UNRESOLVED, missing.verdict(), missing.explain());
    System.out.println(conn.explain());
    System.out.println(missing.explain());
    System.out.println(c.getPod("shop/client").lookup("example.com", RecordType.A));
    System.out.println(c.kubectl("nslookup --from shop/client web").stdout());
    System.out.println(c.kubectl("nslookup --from shop/client _http._tcp.web --type SRV -o json").stdout());
    System.out.println(c.kubectl("probe --from shop/client --to dns:web --port 80 -o json").stdout());
    System.out.println(c.kubectl("trace --from shop/client --to dns:nope --port 80").stdout());
  }
}
