package io.kubenetsim.junit;

import static io.kubenetsim.junit.KubeAssertions.assertReachability;
import static io.kubenetsim.junit.KubeAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.PodHandle;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.net.ConnectionVerdict;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Each assertion passes on what shop.yaml builds and fails, with its evidence, on what it does
 * not: web's two pods behind its Service, a policy that lets only shop's pods reach them.
 */
@KubeSimTest(nodes = 2, seed = 7, namespaces = {"shop", "lab"}, manifests = "shop.yaml")
class KubeAssertionsTest {

  @Test
  void aPodOfShopReachesOnlyWebsPodsThroughTheService(Cluster c) {
    assertThat(c).pod("shop/client").canReach("svc/shop/web", 80).reachesOnly("shop/web-…")
        .isNotMasqueraded();
    assertThat(c).pod("shop/client").canReach("web", 80);
    AssertionFailedError failure = assertThrows(AssertionFailedError.class,
        () -> assertThat(c).pod("shop/client").canReach("svc/shop/web", 80)
            .reachesOnly("shop/db-*"));
    assertTrue(failure.getMessage().contains("to reach only [shop/db-*], but 10 connections "
        + "reached {shop/web-"), failure.getMessage());
    assertTrue(failure.getMessage().contains("=> ESTABLISHED"), "shows a stray's trace");
  }

  @Test
  void theProbeIsDeniedByTheShopPolicyAndNotByAnother(Cluster c) {
    assertThat(c).pod("lab/probe").cannotReach("svc/shop/web", 80)
        .hasVerdict(ConnectionVerdict.TIMED_OUT).isDeniedBy("shop/web-from-shop");
    AssertionFailedError failure = assertThrows(AssertionFailedError.class,
        () -> assertThat(c).pod("lab/probe").connectingTo("svc/shop/web", 80)
            .isDeniedBy("shop/deny-all"));
    assertTrue(failure.getMessage().contains("was denied by [shop/web-from-shop]"),
        failure.getMessage());
    assertThrows(AssertionFailedError.class, () -> assertThat(c).pod("shop/client")
        .connectingTo("svc/shop/web", 80).isDeniedBy("shop/web-from-shop"));
  }

  @Test
  void anUnknownPodOrServiceFailsNamingIt(Cluster c) {
    AssertionFailedError failure = assertThrows(AssertionFailedError.class,
        () -> assertThat(c).pod("shop/nobody"));
    assertTrue(failure.getMessage().contains("expected a pod shop/nobody"), failure.getMessage());
    assertThrows(AssertionFailedError.class, () -> assertThat(c).service("shop/db"));
  }

  @Test
  void theServiceIsBackedByWebsPods(Cluster c) {
    String[] pods = c.pods("shop", "app=web").stream()
        .map(p -> p.ref().namespace() + "/" + p.name()).toArray(String[]::new);
    assertThat(c).service("shop/web").hasReadyEndpoints(2).isBackedBy(pods);
    AssertionFailedError failure = assertThrows(AssertionFailedError.class,
        () -> assertThat(c).service("shop/web").hasReadyEndpoints(3));
    assertTrue(failure.getMessage().contains("its EndpointSlices:\n  EndpointSlice shop/web-"),
        failure.getMessage());
  }

  @Test
  void aSliceHoldsTheReadyAddressesOfWebsPods(Cluster c) {
    EndpointSlice slice = c.getService("shop/web").slices().get(0);
    String[] ips = c.pods("shop", "app=web").stream().map(p -> p.ip().orElseThrow())
        .toArray(String[]::new);
    assertThat(slice).isForService("web").hasReadyAddresses(ips).hasAddresses(ips);
    assertThrows(AssertionFailedError.class, () -> assertThat(slice).isForService("db"));
    assertThrows(AssertionFailedError.class, () -> assertThat(slice).hasReadyAddresses(ips[0]));
  }

  @Test
  void theTruthTableOfThePolicy(Cluster c) {
    PodHandle web = c.pods("shop", "app=web").get(0);
    String w = "shop/" + web.name();
    assertReachability(c).on(8080).matches(
        "-          shop/client  " + w + "  lab/probe\n"
        + "shop/client  .          .       .\n"
        + w + "     .          .       .\n"
        + "lab/probe    .          X       .\n");
    AssertionFailedError failure = assertThrows(AssertionFailedError.class,
        () -> assertReachability(c).on(8080).matches(
            "-  " + w + "\nlab/probe  .\n"));
    assertTrue(failure.getMessage().contains("lab/probe -> " + w + ": expected ., got X"),
        failure.getMessage());
  }
}
