package com.example.shop;

import static io.kubenetsim.junit.KubeAssertions.assertReachability;
import static io.kubenetsim.junit.KubeAssertions.assertThat;

import io.kubenetsim.Cluster;
import io.kubenetsim.junit.KubeSimTest;
import org.junit.jupiter.api.Test;

/**
 * The shop's network rules, checked against its real manifests: shop's pods reach web through
 * its Service and land only on web's pods; the lab's probe is kept out by web's policy.
 */
@KubeSimTest(nodes = 3, seed = 42, namespaces = {"shop", "lab"}, manifests = "shop.yaml")
class ShopNetworkTest {

  @Test
  void theClientReachesOnlyWebThroughItsService(Cluster c) {
    assertThat(c).service("shop/web").hasReadyEndpoints(2);
    assertThat(c).pod("shop/client").canReach("svc/shop/web", 80).reachesOnly("shop/web-*");
    assertThat(c).pod("shop/client").canReach("web.shop.svc.cluster.local", 80);
  }

  @Test
  void theLabIsKeptOutOfWebByPolicy(Cluster c) {
    assertThat(c).pod("lab/probe").connectingTo("svc/shop/web", 80)
        .isDeniedBy("shop/web-from-shop");
  }

  @Test
  void whoMayReachWhom(Cluster c) {
    String web = "shop/" + c.pods("shop", "app=web").get(0).name();
    assertReachability(c).on(8080).matches(String.join("\n",
        "-           shop/client  " + web + "  lab/probe",
        "shop/client .            .   .",
        "lab/probe   .            X   ."));
  }
}
