package io.kubenetsim.core.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.core.ServiceInternals;
import io.kubenetsim.model.Endpoints;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ExternalName Services are DNS aliases only: no cluster IP, no node ports, no allocation, and
 * no EndpointSlices — even when they carry a selector that matches running pods (upstream's
 * EndpointSlice controller returns early for ExternalName, kubernetes#105986).
 */
class ExternalNameServiceTest {
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
  void anExternalNameServiceHasNoClusterIpAndAllocatesNothing() {
    int ips = ServiceInternals.clusterIpCount(c);
    ServiceHandle search = c.service("shop/search").externalName("search.example.com")
        .create();
    c.settle();
    Service stored = search.get();
    assertEquals("ExternalName", stored.spec().type());
    assertEquals("", search.clusterIP());
    assertTrue(stored.spec().clusterIPs().isEmpty(), stored.toString());
    assertEquals("search.example.com", stored.spec().externalName());
    assertEquals(ips, ServiceInternals.clusterIpCount(c));
    assertEquals(0, ServiceInternals.nodePortCount(c));
    assertTrue(search.slices().isEmpty(), search.slices().toString());
    assertTrue(search.endpoints().isEmpty());
    assertTrue(search.loadBalancerIngress().isEmpty());
  }

  @Test
  void anExternalNameServiceWithASelectorStillGetsNoSlices() {
    ServiceHandle alias = c.service("shop/alias").selector("app", "web").port(80)
        .externalName("web.example.com").create();
    c.settle();
    assertTrue(alias.slices().isEmpty(), "an ExternalName Service has no endpoints: "
        + alias.slices() + ServiceInternals.context(c));
    assertTrue(alias.endpoints().isEmpty());
    assertTrue(c.get(Endpoints.class, "shop", "alias").isEmpty(),
        "nor a legacy Endpoints object");
    assertTrue(alias.get().spec().ports().stream().allMatch(p -> p.nodePort() == 0),
        alias.get().spec().ports().stream().map(ServicePort::toString).toList().toString());
  }

  @Test
  void deletingAnExternalNameServiceReleasesNothingElse() {
    // Its deletion must not release any address: the counts stay those of the others.
    ServiceHandle web = c.service("shop/web").selector("app", "web").port(80).create();
    int ips = ServiceInternals.clusterIpCount(c);
    ServiceHandle search = c.service("shop/search").externalName("search.example.com")
        .create();
    search.delete();
    assertEquals(ips, ServiceInternals.clusterIpCount(c));
    assertTrue(web.exists());
  }
}
