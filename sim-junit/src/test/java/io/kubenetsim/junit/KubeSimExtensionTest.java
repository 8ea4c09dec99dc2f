package io.kubenetsim.junit;

import static io.kubenetsim.junit.KubeAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.ProxyMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The extension hands every test its own settled cluster, built as the annotation says (the
 * method's over the class's), shared with the test's {@code @BeforeEach}.
 */
@KubeSimTest(nodes = 2, seed = 7, namespaces = {"shop", "lab"}, manifests = "shop.yaml")
class KubeSimExtensionTest {
  private Cluster seenBeforeEach;

  @BeforeEach
  void remember(Cluster c) {
    seenBeforeEach = c;
  }

  @Test
  void theClusterIsBuiltAsAnnotatedAndSettled(Cluster c) {
    assertSame(seenBeforeEach, c, "@BeforeEach and the test share the test's cluster");
    assertEquals(2, c.nodes().size());
    assertEquals(7, c.seed());
    assertEquals(0, c.pendingEvents(), "settled: nothing left to run");
    assertThat(c).service("shop/web").hasReadyEndpoints(2);
    assertThat(c).pod("shop/client").canReach("svc/shop/web", 80);
  }

  @Test
  void eachTestGetsAFreshClusterSoChangesDoNotLeak(Cluster c) {
    // Run in either order with the next test: each deletes what the other expects.
    assertTrue(c.getDeployment("shop/web").exists());
    c.getDeployment("shop/web").delete();
    c.settle();
  }

  @Test
  void aFreshClusterStillHasTheManifestsAnotherTestDeleted(Cluster c) {
    assertTrue(c.getDeployment("shop/web").exists());
    c.getDeployment("shop/web").delete();
    c.settle();
  }

  @Test
  @KubeSimTest(nodes = 4, seed = 9, proxyMode = ProxyMode.IPTABLES)
  void aMethodsAnnotationOverridesTheClasss(Cluster c) {
    assertEquals(4, c.nodes().size());
    assertEquals(9, c.seed());
    assertEquals(ProxyMode.IPTABLES, c.config().kubeProxy().mode());
    assertTrue(c.namespaces().stream().noneMatch(n -> n.metadata().name().equals("shop")),
        "the method's annotation names no namespaces or manifests");
  }
}
