package io.kubenetsim.core.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.core.ServiceInternals;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.Endpoints;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Headless Services ({@code clusterIP: None}): no address allocated, no node port, and
 * EndpointSlices (and Endpoints) carrying {@code service.kubernetes.io/headless} that list the
 * selected pods; with no ports the slices have an empty port list.
 */
class HeadlessServiceTest {
  private static final String HEADLESS = "service.kubernetes.io/headless";

  private Cluster c;

  @BeforeEach
  void shopWithThreeDbPods() {
    c = KubeSim.cluster().nodes(3).seed(42).build();
    c.createNamespace("shop");
    c.deployment("shop/db").replicas(3).label("app", "db").containerPort("pg", 5432).create();
    c.settle();
  }

  private List<String> readyIps() {
    return c.pods("shop", "app=db").stream().filter(PodHandle::isReady)
        .map(p -> p.ip().orElseThrow()).sorted().toList();
  }

  @Test
  void aHeadlessServiceAllocatesNoAddressAndNoNodePort() {
    int ips = ServiceInternals.clusterIpCount(c);
    ServiceHandle db = c.service("shop/db").selector("app", "db").port(5432).headless()
        .create();
    assertEquals("None", db.clusterIP());
    assertEquals(List.of("None"), db.get().spec().clusterIPs());
    assertEquals(ips, ServiceInternals.clusterIpCount(c), "None takes no address");
    assertEquals(0, ServiceInternals.nodePortCount(c));
    assertThrows(IllegalArgumentException.class, () -> db.nodePort(5432));
    db.delete();
    assertEquals(ips, ServiceInternals.clusterIpCount(c), "and deleting it frees none");
  }

  @Test
  void itsSlicesAreLabelledHeadlessAndListThePods() {
    ServiceHandle db = c.service("shop/db").selector("app", "db").port(5432).headless()
        .create();
    c.settle();
    List<EndpointSlice> slices = db.slices();
    assertEquals(1, slices.size(), slices.toString());
    assertEquals(java.util.Optional.of(""), slices.get(0).metadata().labels().get(HEADLESS));
    assertEquals(readyIps().stream().map(ip -> HostPort.of(IpAddress.parse(ip), 5432)).toList(),
        db.endpoints(), ServiceInternals.context(c));
    Endpoints legacy = c.get(Endpoints.class, "shop", "db").orElseThrow();
    assertEquals(java.util.Optional.of(""), legacy.metadata().labels().get(HEADLESS));
  }

  @Test
  void aHeadlessServiceWithoutPortsGetsSlicesWithNoPorts() {
    ServiceHandle db = c.service("shop/db").selector("app", "db").headless().create();
    c.settle();
    List<EndpointSlice> slices = db.slices();
    assertEquals(1, slices.size(), slices.toString());
    assertTrue(slices.get(0).ports().isEmpty(), slices.toString());
    assertEquals(3, slices.get(0).endpoints().size());
    // With no port there is no ip:port for endpoints() to list; the slice carries the bare
    // addresses.
    assertEquals(readyIps(), slices.get(0).endpoints().stream()
        .filter(e -> e.conditions().isReady()).flatMap(e -> e.addresses().stream()).sorted()
        .toList(), "bare addresses when there is no port");
    assertTrue(db.endpoints().isEmpty(), "no port to list: " + db.endpoints());
  }

  @Test
  void aNonHeadlessServiceHasNoHeadlessLabel() {
    ServiceHandle db = c.service("shop/db").selector("app", "db").port(5432).create();
    c.settle();
    assertTrue(db.slices().stream().noneMatch(s -> s.metadata().labels().has(HEADLESS)));
  }
}
