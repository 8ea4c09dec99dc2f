package io.kubenetsim.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.KubeSim;
import io.kubenetsim.NodeHandle;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.PacketTrace;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Terminating endpoints (KEP-1669, §5.1/§5.5): when every endpoint is terminating, kube-proxy
 * falls back to the serving-terminating ones, so draining pods still take new connections; as
 * soon as one ready endpoint exists, terminating ones get none. A long grace period keeps the
 * pods draining throughout; virtual time never reaches its end.
 */
class TerminatingFallbackTest {

  private static final Duration LONG_GRACE = Duration.ofSeconds(600);

  private static Cluster drained(ProxyMode mode) {
    Cluster c = KubeSim.cluster().nodes(3).seed(51).proxyMode(mode).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(3).label("app", "web").containerPort("http", 8080)
        .terminationGracePeriodSeconds(LONG_GRACE.toSeconds()).create();
    c.pod("shop/client").label("app", "client").containerPort(9000).create();
    c.service("shop/web").selector("app", "web").port("http", 80, "http").create();
    c.settle();
    // No replacements: scale to 0, then every old pod is deleted with its long grace period.
    c.getDeployment("shop/web").scale(0);
    c.runFor(Duration.ofSeconds(10));
    return c;
  }

  private static Set<IpAddress> terminatingIps(Cluster c) {
    return c.pods("shop", "app=web").stream()
        .filter(p -> p.get().metadata().isTerminating())
        .map(p -> IpAddress.parse(p.ip().orElseThrow()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void whenEveryEndpointIsTerminatingNewConnectionsStillReachThem(ProxyMode mode) {
    Cluster c = drained(mode);
    Set<IpAddress> draining = terminatingIps(c);
    assertEquals(3, draining.size(), "all three pods draining: " + c.kubectl("get pods -n shop"));
    ServiceHandle web = c.getService("shop/web");
    PodHandle client = c.getPod("shop/client");
    Set<IpAddress> reached = new TreeSet<>();
    for (int i = 0; i < 30; i++) {
      Connection conn = client.connect(web, 80);
      assertEquals(ConnectionVerdict.ESTABLISHED, conn.verdict(),
          mode + ": serving-terminating fallback:\n" + conn.explain());
      IpAddress ip = conn.backend().orElseThrow().ip();
      assertTrue(draining.contains(ip), ip + " is one of the draining pods " + draining);
      reached.add(ip);
    }
    assertTrue(reached.size() > 1, "balanced over the draining pods, got " + reached);
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void oneReadyPodTakesEveryNewConnectionFromTerminatingOnes(ProxyMode mode) {
    Cluster c = drained(mode);
    Set<IpAddress> draining = terminatingIps(c);
    PodHandle fresh = c.pod("shop/fresh").label("app", "web").containerPort("http", 8080)
        .create();
    c.runFor(Duration.ofSeconds(10));
    assertTrue(fresh.isReady(), "the fresh pod is Ready");
    assertEquals(3, terminatingIps(c).size(), "the old pods are still draining");
    HostPort freshBackend = HostPort.of(IpAddress.parse(fresh.ip().orElseThrow()), 8080);
    ServiceHandle web = c.getService("shop/web");
    PodHandle client = c.getPod("shop/client");
    for (int i = 0; i < 30; i++) {
      Connection conn = client.connect(web, 80);
      assertEquals(ConnectionVerdict.ESTABLISHED, conn.verdict(), conn.explain());
      assertEquals(freshBackend, conn.backend().orElseThrow(),
          mode + ": only the ready pod, never " + draining + ":\n" + conn.explain());
    }
    for (NodeHandle node : c.nodes()) {
      PacketTrace trace = node.proxy().trace(client.ip().orElseThrow(), web.clusterIP(), 80,
          Protocol.TCP);
      assertEquals(List.of(freshBackend), trace.candidates(), trace.explain());
    }
  }
}
