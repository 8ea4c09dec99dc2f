package io.kubenetsim.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.HostPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * sessionAffinity: ClientIP (iptables {@code recent}, nftables affinity sets, IPVS persistence):
 * one client pod sticks to one backend for as long as it keeps coming back within the timeout;
 * other clients are balanced independently; once the timeout has passed on virtual time the
 * choice is made afresh (for IPVS: round robin resumes where it stood).
 */
class SessionAffinityTest {

  private static final int TIMEOUT_SECONDS = 30;

  private static Cluster shop(ProxyMode mode, int clients) {
    Cluster c = KubeSim.cluster().nodes(3).seed(31).proxyMode(mode).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(3).label("app", "web").containerPort("http", 8080)
        .create();
    for (int i = 0; i < clients; i++) {
      c.pod("shop/client-" + i).label("app", "client").containerPort(9000).create();
    }
    c.service("shop/web").selector("app", "web").port("http", 80, "http")
        .clientIPAffinity(TIMEOUT_SECONDS).create();
    c.settle();
    return c;
  }

  private static HostPort backend(Connection conn) {
    assertEquals(ConnectionVerdict.ESTABLISHED, conn.verdict(), conn.explain());
    return conn.backend().orElseThrow();
  }

  /** 50 new connections over 49 s of virtual time, each within the timeout of the last. */
  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void theSameClientKeepsItsBackendWhileItComesBackWithinTheTimeout(ProxyMode mode) {
    Cluster c = shop(mode, 1);
    ServiceHandle web = c.getService("shop/web");
    PodHandle client = c.getPod("shop/client-0");
    HostPort first = backend(client.connect(web, 80));
    for (int i = 0; i < 50; i++) {
      c.runFor(Duration.ofSeconds(1));
      Connection conn = client.connect(web, 80);
      assertEquals(first, backend(conn), "connection " + i + " in " + mode
          + " should stick to " + first + ":\n" + conn.explain());
    }
  }

  /** Affinity is per client: eight clients are not all pinned to one backend. */
  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void differentClientsAreBalancedIndependently(ProxyMode mode) {
    Cluster c = shop(mode, 8);
    ServiceHandle web = c.getService("shop/web");
    Set<HostPort> chosen = new TreeSet<>(HostPort.BY_TEXT);
    for (int i = 0; i < 8; i++) {
      PodHandle client = c.getPod("shop/client-" + i);
      HostPort b = backend(client.connect(web, 80));
      chosen.add(b);
      for (int k = 0; k < 5; k++) {
        assertEquals(b, backend(client.connect(web, 80)), "client-" + i + " sticks");
      }
    }
    assertTrue(chosen.size() > 1, "8 clients over 3 backends in " + mode + " (seed "
        + c.seed() + ") all got " + chosen);
    if (mode == ProxyMode.IPVS) {
      assertEquals(3, chosen.size(), "round robin over new clients uses every backend");
    }
  }

  /** After the timeout the choice is free again; over ten expiries it does change. */
  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void afterTheTimeoutTheChoiceCanChange(ProxyMode mode) {
    Cluster c = shop(mode, 1);
    ServiceHandle web = c.getService("shop/web");
    PodHandle client = c.getPod("shop/client-0");
    List<HostPort> perPeriod = new ArrayList<>();
    for (int round = 0; round < 10; round++) {
      HostPort b = backend(client.connect(web, 80));
      assertEquals(b, backend(client.connect(web, 80)), "sticky within round " + round);
      perPeriod.add(b);
      c.runFor(Duration.ofSeconds(TIMEOUT_SECONDS + 1));
    }
    assertTrue(Set.copyOf(perPeriod).size() > 1, "backends after each expiry in " + mode
        + " (seed " + c.seed() + "): " + perPeriod);
    if (mode == ProxyMode.IPVS) {
      // Persistence expired, so each new connection takes round robin's next real server.
      for (int i = 1; i < perPeriod.size(); i++) {
        assertNotEquals(perPeriod.get(i - 1), perPeriod.get(i), "IPVS rr resumes: "
            + perPeriod);
      }
      assertEquals(perPeriod.get(0), perPeriod.get(3), "3 real servers, rr cycle: "
          + perPeriod);
    }
  }
}
