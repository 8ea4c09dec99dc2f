package io.kubenetsim.core.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.manifest.ValidationException;
import io.kubenetsim.model.ServiceCIDR;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ServiceCIDR objects are where ClusterIPs come from, as with upstream's multi-CIDR allocator:
 * the default {@code kubernetes} one holds the configured range, a new one makes its addresses
 * allocatable, and deleting it stops new allocations from it.
 */
class ServiceCidrTest {
  private static final String SERVICE = "apiVersion: v1\nkind: Service\nmetadata: {name: %s, "
      + "namespace: default}\nspec: {clusterIP: %s, ports: [{port: 80}]}\n";

  @Test
  void theDefaultServiceCidrHoldsTheConfiguredRange() {
    Cluster c = KubeSim.cluster().serviceClusterIpRange("10.100.0.0/16").build();
    assertEquals(List.of("10.100.0.0/16"),
        c.get(ServiceCIDR.class, "", "kubernetes").orElseThrow().cidrs());
    assertEquals("10.100.0.1", c.getService("default/kubernetes").clusterIP());
  }

  @Test
  void aNewServiceCidrMakesItsAddressesAllocatableUntilDeleted() {
    Cluster c = KubeSim.cluster().nodes(1).build();
    assertThrows(ValidationException.class,
        () -> c.applyYaml(String.format(SERVICE, "before", "10.200.0.50")),
        "10.200.0.50 is outside the only range");
    c.apply(ServiceCIDR.of("extra", List.of("10.200.0.0/24")));
    c.applyYaml(String.format(SERVICE, "after", "10.200.0.50"));
    assertEquals("10.200.0.50", c.getService("default/after").clusterIP());

    c.delete(c.get(ServiceCIDR.class, "", "extra").orElseThrow().ref());
    ValidationException e = assertThrows(ValidationException.class,
        () -> c.applyYaml(String.format(SERVICE, "later", "10.200.0.51")));
    assertTrue(e.getMessage().contains("is not in the valid range"), e.getMessage());
    assertEquals("10.200.0.50", c.getService("default/after").clusterIP(),
        "addresses already handed out stay valid");
  }
}
