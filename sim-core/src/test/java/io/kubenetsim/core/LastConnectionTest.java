package io.kubenetsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ServiceHandle;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A failing test's report explains the last connection a handle made, whichever handle. */
class LastConnectionTest {

  @Test
  void theLastConnectionOfAnyHandleIsKept() {
    Cluster c = KubeSim.cluster().nodes(2).seed(3).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(2).label("app", "web").containerPort("http", 8080)
        .create();
    ServiceHandle web = c.service("shop/web").selector("app", "web").port("http", 80, "http")
        .create();
    PodHandle client = c.pod("shop/client").create();
    c.settle();
    assertEquals(Optional.empty(), c.lastConnection(), "nothing connected yet");
    Connection toService = client.connect(web, 80);
    assertSame(toService, c.lastConnection().orElseThrow());
    Connection byName = client.connect("web", 81);
    assertSame(byName, c.lastConnection().orElseThrow());
    Connection fromNode = c.node("node-1").connect(web.clusterIP(), 80);
    assertSame(fromNode, c.lastConnection().orElseThrow());
    assertTrue(c.lastConnection().orElseThrow().explain().contains(web.clusterIP()));
  }
}
