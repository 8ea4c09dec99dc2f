package io.kubenetsim.core.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.Timing;
import io.kubenetsim.core.ServiceInternals;
import io.kubenetsim.event.SimEvent;
import io.kubenetsim.model.LoadBalancerIngress;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceStatus;
import io.kubenetsim.model.ServiceType;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LoadBalancer Services against the simulated cloud: pending (no ingress) until the
 * provisioning delay has passed on virtual time, then one IP from the pool; an ingress already
 * written is kept; a Service of another {@code loadBalancerClass} is never provisioned; the IP
 * returns to the pool on delete. Node ports and a cluster IP are allocated as for NodePort.
 */
class LoadBalancerServiceTest {
  private static final Duration PROVISIONING = Timing.defaults().loadBalancerProvisioning();
  private static final Cidr POOL = Cidr.parse("203.0.113.0/30"); // two usable addresses

  private Cluster c;

  @BeforeEach
  void shopWithThreeWebPods() {
    c = KubeSim.cluster().nodes(3).seed(42).loadBalancerPool(POOL.toString()).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(3).label("app", "web").containerPort("http", 8080)
        .create();
    c.settle();
  }

  private ServiceHandle loadBalancer(String name) {
    return c.service("shop/" + name).selector("app", "web").port(80)
        .type(ServiceType.LOAD_BALANCER).create();
  }

  @Test
  void theIngressIsPendingUntilTheProvisioningDelayHasPassed() {
    // Proves the delay is on virtual time: just before it, still pending; after it (plus the
    // informer lag), one IP from the pool; and the EnsuredLoadBalancer event is no earlier
    // than creation + delay.
    Duration createdAt = c.elapsed();
    ServiceHandle lb = loadBalancer("web");
    assertTrue(lb.loadBalancerIngress().isEmpty(), "pending right after create");
    c.runFor(PROVISIONING.minusMillis(1));
    assertTrue(lb.loadBalancerIngress().isEmpty(), "still pending just before the delay");
    c.settle();
    List<String> ingress = lb.loadBalancerIngress();
    assertEquals(1, ingress.size(), ingress.toString());
    assertTrue(POOL.contains(IpAddress.parse(ingress.get(0))), ingress + " not from " + POOL);
    SimEvent ensured = c.events().about(lb.ref()).ofKind("EnsuredLoadBalancer").last()
        .orElseThrow();
    assertTrue(ensured.at().compareTo(createdAt.plus(PROVISIONING)) >= 0, ensured.toString());
    assertTrue(lb.nodePort(80) >= 30086, "a LoadBalancer gets node ports");
    assertTrue(lb.clusterIP().startsWith("10."), "and a cluster IP");
  }

  @Test
  void anIngressWrittenWithTheObjectIsKept() {
    // A manifest carrying status (as a cloud controller wrote it) is not re-provisioned.
    Service written = c.service("shop/web").selector("app", "web").port(80)
        .type(ServiceType.LOAD_BALANCER).build()
        .withStatus(ServiceStatus.of(List.of(LoadBalancerIngress.ip("198.51.100.7"))));
    c.apply(written);
    c.settle();
    ServiceHandle lb = c.getService("shop/web");
    assertEquals(List.of("198.51.100.7"), lb.loadBalancerIngress());
    assertEquals(0, c.events().about(lb.ref()).ofKind("EnsuredLoadBalancer").size());
  }

  @Test
  void aServiceOfAnotherLoadBalancerClassIsNeverProvisioned() {
    Service classed = c.service("shop/web").selector("app", "web").port(80)
        .type(ServiceType.LOAD_BALANCER).build();
    classed = classed.withSpec(classed.spec().with(b -> {
      b.loadBalancerClass = "example.com/internal-vip";
      return b;
    }));
    c.apply(classed);
    c.settle();
    c.runFor(Duration.ofMinutes(5));
    ServiceHandle lb = c.getService("shop/web");
    assertTrue(lb.loadBalancerIngress().isEmpty(), lb.toString());
    assertEquals(0, c.events().about(lb.ref()).ofKind("EnsuredLoadBalancer").size());
  }

  @Test
  void deletingTheServiceReturnsItsIpToThePool() {
    // The /30 pool holds two addresses: a third balancer fails until one is deleted, and then
    // it is retried and gets the freed address, as a cloud controller's retry would.
    ServiceHandle a = loadBalancer("a");
    ServiceHandle b = loadBalancer("b");
    c.settle();
    String ipOfA = a.loadBalancerIngress().get(0);
    assertEquals(2, List.of(ipOfA, b.loadBalancerIngress().get(0)).stream().distinct().count());
    ServiceHandle third = loadBalancer("third");
    c.settle();
    assertTrue(third.loadBalancerIngress().isEmpty(), "the pool is exhausted");
    assertEquals(1, c.events().about(third.ref()).ofKind("SyncLoadBalancerFailed").size());

    a.delete();
    c.settle();
    assertEquals(List.of(ipOfA), third.loadBalancerIngress(), ServiceInternals.context(c));
  }

  @Test
  void theEndpointsAreTheReadyPods() {
    ServiceHandle lb = c.expose("shop/web").port(80).targetPort("http")
        .type(ServiceType.LOAD_BALANCER).create();
    c.settle();
    List<HostPort> expected = c.pods("shop", "app=web").stream().filter(PodHandle::isReady)
        .map(p -> HostPort.of(IpAddress.parse(p.ip().orElseThrow()), 8080))
        .sorted(HostPort.BY_TEXT).toList();
    assertEquals(3, expected.size());
    assertEquals(expected, lb.endpoints(), ServiceInternals.context(c));
  }
}
