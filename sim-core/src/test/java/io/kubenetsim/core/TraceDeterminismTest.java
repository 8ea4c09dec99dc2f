package io.kubenetsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.model.ServiceType;
import io.kubenetsim.net.Protocol;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Traces are part of the product's determinism: the same seed and calls give byte-identical
 * connection explanations (hops, rules, backends — including iptables' random draws and the
 * cloud load balancer's node choice) and packet traces; another seed changes them.
 */
class TraceDeterminismTest {

  private static String traffic(long seed, ProxyMode mode) {
    Cluster c = KubeSim.cluster().nodes(3).seed(seed).proxyMode(mode).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(4).label("app", "web").containerPort("http", 8080)
        .create();
    PodHandle client = c.pod("shop/client").label("app", "client").containerPort(9000).create();
    c.settle();
    ServiceHandle web = c.expose("shop/web").port(80).targetPort("http")
        .type(ServiceType.LOAD_BALANCER).create();
    c.settle();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      out.add(client.connect(web, 80).explain());
      out.add(c.external("203.0.113." + (i + 1)).connect(web.loadBalancerIngress().get(0), 80)
          .explain());
    }
    out.add(c.node("node-2").proxy().trace(client.ip().orElseThrow(), web.clusterIP(), 80,
        Protocol.TCP).explain());
    out.add(c.node("node-1").proxy().dump());
    return String.join("\n", out);
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void theSameSeedGivesByteIdenticalTracesAndAnotherSeedOthers(ProxyMode mode) {
    String first = traffic(21, mode);
    assertEquals(first, traffic(21, mode));
    assertNotEquals(first, traffic(22, mode));
  }
}
