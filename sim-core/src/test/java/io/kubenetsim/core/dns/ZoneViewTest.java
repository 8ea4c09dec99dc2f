package io.kubenetsim.core.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.KubectlResult;
import io.kubenetsim.dns.ResourceRecord;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The zone view ({@code Cluster.dnsRecords}, {@code zone}): what CoreDNS serves for the
 * Services, asked of a running CoreDNS process, so it follows the watch lag.
 */
class ZoneViewTest {

  private static Cluster shop() {
    Cluster c = KubeSim.cluster().nodes(2).seed(21).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(1).label("app", "web").containerPort("http", 8080)
        .create();
    c.service("shop/web").selector("app", "web").port("http", 80, "http").create();
    c.deployment("shop/db").replicas(2).label("app", "db").containerPort("pg", 5432).create();
    c.service("shop/db").selector("app", "db").port("pg", 5432, 5432).headless().create();
    c.settle();
    return c;
  }

  @Test
  void listsEachServicesNamesSrvAndHeadlessEndpointNames() {
    Cluster c = shop();
    List<String> lines = c.dnsRecords(Optional.of("shop")).stream().map(Object::toString)
        .toList();
    String web = c.getService("shop/web").clusterIP();
    assertTrue(lines.contains("web.shop.svc.cluster.local. 30 IN A " + web), lines.toString());
    assertTrue(lines.contains("_http._tcp.web.shop.svc.cluster.local. 30 IN SRV 0 100 80 "
        + "web.shop.svc.cluster.local."), lines.toString());
    for (String ip : c.pods("shop", "app=db").stream().map(p -> p.ip().orElseThrow()).toList()) {
      assertTrue(lines.contains("db.shop.svc.cluster.local. 30 IN A " + ip), lines.toString());
      assertTrue(lines.contains(ip.replace('.', '-') + ".db.shop.svc.cluster.local. 30 IN A "
          + ip), lines.toString());
    }
    assertTrue(lines.stream().noneMatch(l -> l.contains("kube-dns")), "only shop's Services");
    assertTrue(c.dnsRecords(Optional.empty()).stream().map(ResourceRecord::toString)
        .anyMatch(l -> l.startsWith("kube-dns.kube-system.svc.cluster.local. 30 IN A ")));
  }

  @Test
  void aNewServiceAppearsOnlyAfterCoreDnsWatchLag() {
    Cluster c = shop();
    c.service("shop/api").selector("app", "web").port(81).create();
    assertFalse(c.dnsRecords(Optional.of("shop")).stream()
        .anyMatch(r -> r.name().text().startsWith("api.")), "not yet seen by CoreDNS");
    c.runFor(Duration.ofMillis(100));
    assertTrue(c.dnsRecords(Optional.of("shop")).stream()
        .anyMatch(r -> r.name().text().startsWith("api.")));
  }

  @Test
  void theZoneVerbPrintsZoneFileLinesAndFailsWithoutCoreDns() {
    Cluster c = shop();
    String text = c.kubectl("zone -n shop").stdout();
    assertTrue(text.startsWith("db.shop.svc.cluster.local. 30 IN A "), text);
    String json = c.kubectl("zone -n shop -o json").stdout();
    assertTrue(json.contains("\"type\" : \"SRV\"") || json.contains("\"type\": \"SRV\""), json);
    assertEquals(2, c.kubectlResult("zone -n nowhere").exitCode());
    c.getDeployment("kube-system/coredns").scale(0);
    c.settle();
    KubectlResult none = c.kubectlResult("zone");
    assertEquals(1, none.exitCode(), none.stderr());
    assertTrue(none.stderr().contains("no CoreDNS pod is running"), none.stderr());
  }
}
