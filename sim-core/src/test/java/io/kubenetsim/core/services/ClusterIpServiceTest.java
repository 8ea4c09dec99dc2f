package io.kubenetsim.core.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.ApiException;
import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.core.ServiceInternals;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.manifest.ValidationException;
import io.kubenetsim.model.Endpoints;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.Service;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ClusterIP Services: address allocation from the service CIDR with upstream's static and
 * dynamic bands (KEP-3070), requested addresses, upstream's allocator errors at {@code
 * spec.clusterIPs} (with nothing changed, allocations included), release on delete, and the
 * endpoints of a selector-based Service.
 */
class ClusterIpServiceTest {
  private static final Cidr SERVICE_CIDR = Cidr.parse("10.96.0.0/12");
  /** The static band of a /12: the first 256 usable addresses, 10.96.0.1–10.96.1.0. */
  private static final long STATIC_BAND = 256;

  private Cluster c;

  @BeforeEach
  void shopWithThreeWebPods() {
    c = KubeSim.cluster().nodes(3).seed(42).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(3).label("app", "web").containerPort("http", 8080)
        .create();
    c.settle();
  }

  @Test
  void kubernetesAndKubeDnsHoldTheFirstAndTenthAddresses() {
    // Proves the bootstrap Services' addresses are really allocated (not just written): both
    // are counted, and asking for either is refused as taken.
    assertEquals("10.96.0.1", c.getService("default/kubernetes").clusterIP());
    assertEquals("10.96.0.10", c.getService("kube-system/kube-dns").clusterIP());
    assertEquals(2, ServiceInternals.clusterIpCount(c), "only the two bootstrap Services");
    for (String ip : List.of("10.96.0.1", "10.96.0.10")) {
      FieldError e = rejectedOnce(cluster -> cluster.service("shop/x").selector("app", "web")
          .port(80).clusterIP(ip).create());
      assertEquals("spec.clusterIPs", e.path());
      assertEquals("failed to allocate IP " + ip + ": provided IP is already allocated",
          e.detail());
    }
  }

  @Test
  void dynamicAddressesComeFromTheUpperBandOfTheServiceCidr() {
    // Proves KEP-3070's banding: 40 automatic picks are all in the CIDR, distinct, and none
    // is in the static band (offset 256 for a /12), which stays for requested addresses.
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      String ip = c.service("shop/svc-" + i).selector("app", "web").port(80).create()
          .clusterIP();
      IpAddress address = IpAddress.parse(ip);
      assertTrue(SERVICE_CIDR.contains(address), ip + " is outside " + SERVICE_CIDR);
      long offset = SERVICE_CIDR.offsetOf(address);
      assertTrue(offset > STATIC_BAND, ip + " is in the static band 10.96.0.1-10.96.1.0");
      assertTrue(seen.add(ip), ip + " handed out twice");
    }
    assertEquals(42, ServiceInternals.clusterIpCount(c));
  }

  @Test
  void aRequestedAddressIsHonouredAndCounted() {
    int before = ServiceInternals.clusterIpCount(c);
    Service created = c.service("shop/web").selector("app", "web").port(80)
        .clusterIP("10.96.0.50").create().get();
    assertEquals("10.96.0.50", created.spec().clusterIP());
    assertEquals(List.of("10.96.0.50"), created.spec().clusterIPs());
    assertEquals(before + 1, ServiceInternals.clusterIpCount(c));
  }

  @Test
  void aTakenAddressIsRejectedAtClusterIPsAndChangesNothing() {
    // Proves upstream's message and path, and that the failed create took nothing: objects,
    // events and both allocator counts are as before (ClusterSnapshot).
    c.service("shop/first").selector("app", "web").port(80).clusterIP("10.96.0.50").create();
    FieldError e = rejectedOnce(cluster -> cluster.service("shop/second")
        .selector("app", "web").port(80).clusterIP("10.96.0.50").create());
    assertEquals("spec.clusterIPs: Invalid value: [\"10.96.0.50\"]: failed to allocate IP "
        + "10.96.0.50: provided IP is already allocated", e.toString());
    assertFalse(c.get(Service.class, "shop", "second").isPresent());
  }

  @Test
  void anAddressOutsideTheRangeIsRejected() {
    // Out of range: a foreign address, and the /12's network and broadcast addresses, which
    // the bitmap excludes. The wording differs between upstream versions; both start the same.
    for (String ip : List.of("192.168.10.10", "10.96.0.0", "10.111.255.255")) {
      FieldError e = rejectedOnce(cluster -> cluster.service("shop/x").selector("app", "web")
          .port(80).clusterIP(ip).create());
      assertEquals("spec.clusterIPs", e.path());
      assertEquals(FieldError.Type.INVALID, e.type());
      assertEquals("[\"" + ip + "\"]", e.value().orElseThrow());
      assertTrue(e.detail().startsWith("failed to allocate IP " + ip + ": ")
          && e.detail().contains("is not in the valid range"), e.detail());
    }
  }

  @Test
  void deletingAServiceReleasesItsAddressForReuse() {
    ServiceHandle svc = c.service("shop/web").selector("app", "web").port(80)
        .clusterIP("10.96.0.50").create();
    int held = ServiceInternals.clusterIpCount(c);
    svc.delete();
    assertEquals(held - 1, ServiceInternals.clusterIpCount(c), "the address should be free");
    ServiceHandle again = c.service("shop/other").selector("app", "web").port(80)
        .clusterIP("10.96.0.50").create();
    assertEquals("10.96.0.50", again.clusterIP());
  }

  @Test
  void aFullRangeRefusesAutomaticAllocationWithAnInternalError() {
    // A /28 has 14 usable addresses and no bands; the bootstrap Services take two, so twelve
    // Services fit and the thirteenth gets upstream's 500 "range is full", changing nothing.
    Cluster small = KubeSim.cluster().nodes(1).seed(3).serviceClusterIpRange("10.96.0.0/28")
        .build();
    small.createNamespace("shop");
    Set<String> ips = new HashSet<>();
    for (int i = 0; i < 12; i++) {
      ips.add(small.service("shop/s" + i).selector("app", "web").port(80).create().clusterIP());
    }
    assertEquals(12, ips.size());
    assertEquals(14, ServiceInternals.clusterIpCount(small));
    ClusterSnapshot before = ClusterSnapshot.of(small);
    ApiException e = assertThrows(ApiException.class,
        () -> small.service("shop/s12").selector("app", "web").port(80).create());
    assertFalse(e instanceof ValidationException, "an exhausted range is not a 422: " + e);
    assertEquals(ApiException.Reason.INTERNAL_ERROR, e.reason());
    assertTrue(e.getMessage().contains("failed to allocate a serviceIP: range is full"),
        e.getMessage());
    assertEquals(before, ClusterSnapshot.of(small), "a refused create changed the cluster");
  }

  @Test
  void theEndpointsAreTheReadyPodsOnTheTargetPort() {
    // Proves the whole path for the common case: expose with a named targetPort, the
    // controller resolves it per pod, and slices and the legacy Endpoints agree.
    ServiceHandle web = c.expose("shop/web").port(80).targetPort("http").create();
    c.settle();
    List<HostPort> expected = c.pods("shop", "app=web").stream().filter(PodHandle::isReady)
        .map(p -> HostPort.of(IpAddress.parse(p.ip().orElseThrow()), 8080))
        .sorted(HostPort.BY_TEXT).toList();
    assertEquals(3, expected.size());
    assertEquals(expected, web.endpoints(), ServiceInternals.context(c));
    List<EndpointSlice> slices = web.slices();
    assertEquals(1, slices.size(), slices.toString());
    Endpoints legacy = c.get(Endpoints.class, "shop", "web").orElseThrow();
    assertEquals(expected, legacy.subsets().stream().flatMap(s -> s.addresses().stream()
        .flatMap(a -> s.ports().stream()
            .map(p -> HostPort.of(IpAddress.parse(a.ip()), p.port().orElseThrow()))))
        .sorted(HostPort.BY_TEXT).toList());
    assertEquals("ClusterIP", web.get().spec().type());
    assertThrows(IllegalArgumentException.class, () -> web.nodePort(80),
        "a ClusterIP Service has no node port");
  }

  private FieldError rejectedOnce(Consumer<Cluster> write) {
    ClusterSnapshot before = ClusterSnapshot.of(c);
    ValidationException e = assertThrows(ValidationException.class, () -> write.accept(c));
    assertEquals(before, ClusterSnapshot.of(c), "a rejected write changed the cluster");
    assertEquals(1, e.errors().size(), e.getMessage());
    return e.errors().get(0);
  }
}
