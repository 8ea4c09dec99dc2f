package io.kubenetsim.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.KubeProxyConfiguration;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The "must show": a rolling restart under steady load, with kube-proxy lagging behind
 * the API (informer lag 500 ms, minSyncPeriod 2 s). Old pods are gone from the API before every
 * node has rewritten its rules, so some new connections are DNATed by stale rules to a pod IP
 * nobody holds any more and time out; once the cluster settles every new connection works.
 * Everything runs on virtual time, in each proxy mode.
 */
class RollingRestartUnderLoadTest {

  private static final Duration STEP = Duration.ofMillis(100);

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void staleRulesSendSomeNewConnectionsToGonePodsUntilKubeProxyCatchesUp(ProxyMode mode) {
    Cluster c = KubeSim.cluster().nodes(3).seed(11)
        .kubeProxy(KubeProxyConfiguration.defaults().withMode(mode)
            .withMinSyncPeriod(Duration.ofSeconds(2)))
        .informerLag(Duration.ofMillis(500)).build();
    c.createNamespace("shop");
    // A short grace period: the old pods leave the API (and free their IPs) quickly, well
    // inside the window in which kube-proxy still has them in its rules.
    c.deployment("shop/web").replicas(4).label("app", "web").containerPort("http", 8080)
        .terminationGracePeriodSeconds(0).create();
    c.pod("shop/client").label("app", "client").containerPort(9000).create();
    ServiceHandle web = c.service("shop/web").selector("app", "web").port("http", 80, "http")
        .create();
    c.settle();
    PodHandle client = c.getPod("shop/client");
    Map<IpAddress, String> oldPodByIp = new TreeMap<>();
    for (PodHandle p : c.getDeployment("shop/web").pods()) {
      oldPodByIp.put(IpAddress.parse(p.ip().orElseThrow()), "shop/" + p.name());
    }
    assertEquals(4, oldPodByIp.size(), "4 pods before the restart: " + oldPodByIp);

    c.getDeployment("shop/web").restart();
    List<Connection> timedOut = new ArrayList<>();
    List<String> log = new ArrayList<>();
    for (int i = 0; i < 300 && c.pendingEvents() > 0; i++) { // at most 30 s of virtual time
      c.runFor(STEP);
      Connection conn = client.connect(web, 80);
      log.add(c.elapsed() + " " + conn.verdict() + " "
          + conn.backend().map(HostPort::toString).orElse("-"));
      if (conn.verdict() == ConnectionVerdict.TIMED_OUT) {
        timedOut.add(conn);
      }
    }

    // The lag window is real: at least one new connection went to a pod that is gone.
    assertFalse(timedOut.isEmpty(), "expected a time-out during the lag window in " + mode
        + " (seed " + c.seed() + "):\n" + String.join("\n", log));
    for (Connection conn : timedOut) {
      IpAddress ip = conn.backend().orElseThrow().ip();
      String oldPod = oldPodByIp.get(ip);
      assertTrue(oldPod != null, "a timed-out connection was DNATed to " + ip
          + ", which is not an old pod's IP " + oldPodByIp + ":\n" + conn.explain());
      assertFalse(c.pods().stream().anyMatch(p -> p.ref().key().toString().equals(oldPod)),
          "the timed-out connection's backend " + oldPod + " should no longer exist:\n"
              + conn.explain());
      assertTrue(conn.backendPod().isEmpty(), "nothing holds " + ip + " any more: "
          + conn.explain());
    }

    // Once kube-proxy has caught up, a burst of 100 new connections all get through, to the
    // new pods only.
    c.settle();
    List<IpAddress> newIps = c.getDeployment("shop/web").pods().stream()
        .map(p -> IpAddress.parse(p.ip().orElseThrow())).toList();
    for (int i = 0; i < 100; i++) {
      Connection conn = client.connect(web, 80);
      assertEquals(ConnectionVerdict.ESTABLISHED, conn.verdict(), "connection " + i + " after "
          + "settle (seed " + c.seed() + "):\n" + conn.explain());
      IpAddress ip = conn.backend().orElseThrow().ip();
      assertTrue(newIps.contains(ip), "after settle only new pods " + newIps + " serve, got "
          + ip + ":\n" + conn.explain());
    }
  }
}
