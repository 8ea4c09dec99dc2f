package com.example.shop;

import static io.kubenetsim.junit.KubeAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.jqwik.KubeArbitraries;
import io.kubenetsim.jqwik.ServiceKind;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.Service;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the shop's manifests, over inputs kube-netsim's generators make up: whatever
 * NetworkPolicy the lab writes in its own namespace, whatever Service someone puts in front of
 * web, and whatever seed the simulation runs with, the shop's client keeps reaching web's pods
 * and only them. A failing try prints the generated object, shrunk, with jqwik's seed.
 */
class ShopNetworkProperties {
  private static final String SHOP = resource("shop.yaml");

  @Property(tries = 25)
  void noPolicyInTheLabCutsTheShopOffFromWeb(@ForAll("labPolicies") NetworkPolicy policy) {
    // A NetworkPolicy selects pods of its own namespace only, so the lab cannot isolate web.
    Cluster c = shop(42);
    c.apply(policy);
    c.settle();
    assertThat(c).pod("shop/client").canReach("svc/shop/web", 80).reachesOnly("shop/web-*");
  }

  @Property(tries = 25)
  void aServiceInFrontOfWebLeadsOnlyToWebsPods(@ForAll("servicesForWeb") Service service) {
    // Generated Services select web's labels, or now and then one label web lacks: then they
    // have no endpoints, and the connection is refused rather than sent anywhere else.
    Cluster c = shop(42);
    c.apply(service);
    c.settle();
    String front = "svc/" + service.metadata().key();
    int port = service.spec().ports().get(0).port();
    Map<String, String> webLabels = c.getDeployment("shop/web").get().spec().template()
        .metadata().labels().asMap();
    if (webLabels.entrySet().containsAll(service.spec().selector().entrySet())) {
      assertThat(c).pod("shop/client").connectingTo(front, port).isEstablished()
          .reachesOnly("shop/web-*");
    } else {
      assertThat(c).pod("shop/client").connectingTo(front, port).isNotEstablished();
    }
  }

  @Property(tries = 10)
  void theSameSeedReplaysTheSameConnection(@ForAll long seed) {
    // Determinism is what makes a failing test's seed worth printing.
    String first = shop(seed).getPod("shop/client").connect("web", 80).explain();
    String again = shop(seed).getPod("shop/client").connect("web", 80).explain();
    assertEquals(first, again);
  }

  @Provide
  Arbitrary<NetworkPolicy> labPolicies() {
    return KubeArbitraries.networkPolicies("lab");
  }

  @Provide
  Arbitrary<Service> servicesForWeb() {
    Deployment web = shop(42).getDeployment("shop/web").get();
    return KubeArbitraries.services(web, ServiceKind.CLUSTER_IP, ServiceKind.NODE_PORT,
        ServiceKind.LOAD_BALANCER).filter(s -> !s.metadata().name().equals("web"));
  }

  private static Cluster shop(long seed) {
    Cluster c = KubeSim.cluster().nodes(3).seed(seed).build();
    c.createNamespace("shop");
    c.createNamespace("lab");
    c.applyYaml(SHOP);
    return c.settle();
  }

  private static String resource(String name) {
    try (InputStream in = ShopNetworkProperties.class.getResourceAsStream("/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
