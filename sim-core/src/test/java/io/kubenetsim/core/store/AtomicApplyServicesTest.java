package io.kubenetsim.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.core.ServiceInternals;
import io.kubenetsim.manifest.InvalidObject;
import io.kubenetsim.manifest.ValidationException;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An all-or-nothing apply of Services stages every allocation against what the earlier objects
 * of the batch took: two Services asking for the same ClusterIP (or NodePort) in one batch
 * reject the second, nothing is applied, and the allocators count what they counted before.
 */
class AtomicApplyServicesTest {
  private Cluster c;

  @BeforeEach
  void shop() {
    c = KubeSim.cluster().nodes(1).seed(5).build();
    c.createNamespace("shop");
  }

  private Service service(String name, String clusterIP, int nodePort) {
    var b = c.service("shop/" + name).selector("app", name).port(80).clusterIP(clusterIP);
    if (nodePort > 0) {
      b.nodePort(nodePort).type(ServiceType.NODE_PORT);
    }
    return b.build();
  }

  @Test
  void twoServicesAskingForOneClusterIpInOneBatchApplyNothing() {
    int ips = ServiceInternals.clusterIpCount(c);
    ValidationException e = assertThrows(ValidationException.class, () -> c.apply(
        service("a", "10.96.0.50", 0), service("b", "10.96.0.50", 0)));
    assertEquals(1, e.objects().size(), e.getMessage());
    InvalidObject bad = e.objects().get(0);
    assertEquals("b", bad.name());
    assertEquals("spec.clusterIPs: Invalid value: [\"10.96.0.50\"]: failed to allocate IP "
        + "10.96.0.50: provided IP is already allocated", bad.errors().get(0).toString());
    assertTrue(c.get(Service.class, "shop", "a").isEmpty(), "a must not be applied either");
    assertTrue(c.get(Service.class, "shop", "b").isEmpty());
    assertEquals(ips, ServiceInternals.clusterIpCount(c), "a's staged IP was given back");
    // And the address is really free: a later apply of a alone gets it.
    c.apply(service("a", "10.96.0.50", 0));
    assertEquals("10.96.0.50", c.getService("shop/a").clusterIP());
  }

  @Test
  void twoServicesAskingForOneNodePortInOneBatchApplyNothing() {
    int ips = ServiceInternals.clusterIpCount(c);
    ValidationException e = assertThrows(ValidationException.class, () -> c.apply(
        service("a", "", 30080), service("b", "", 30080)));
    assertEquals("spec.ports[0].nodePort", e.objects().get(0).errors().get(0).path());
    assertEquals("b", e.objects().get(0).name());
    assertTrue(c.get(Service.class, "shop", "a").isEmpty());
    assertEquals(ips, ServiceInternals.clusterIpCount(c));
    assertEquals(0, ServiceInternals.nodePortCount(c));
  }
}
