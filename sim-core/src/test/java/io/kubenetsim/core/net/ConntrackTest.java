package io.kubenetsim.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.KubeSim;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.HostPort;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Conntrack (§5.5): rules apply to a flow's first packet only. An established TCP connection
 * keeps its backend through endpoint churn that spares its pod (scale up, scale down, other
 * pods deleted) and, since kube-proxy never flushes TCP entries, blackholes once its pod is gone.
 */
class ConntrackTest {

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void anEstablishedConnectionOutlivesEndpointChurnButNotItsPod(ProxyMode mode) {
    Cluster c = KubeSim.cluster().nodes(3).seed(61).proxyMode(mode).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(3).label("app", "web").containerPort("http", 8080)
        .terminationGracePeriodSeconds(5).create();
    c.pod("shop/client").label("app", "client").containerPort(9000).create();
    ServiceHandle web = c.service("shop/web").selector("app", "web").port("http", 80, "http")
        .create();
    c.settle();
    Connection conn = c.getPod("shop/client").connect(web, 80);
    assertEquals(ConnectionVerdict.ESTABLISHED, conn.verdict(), conn.explain());
    HostPort backend = conn.backend().orElseThrow();
    String pod = conn.backendPod().orElseThrow();

    c.getDeployment("shop/web").scale(6);
    c.settle();
    assertEquals(6, web.endpoints().size(), "endpoints changed: " + web.endpoints());
    assertEquals(ConnectionVerdict.ESTABLISHED, conn.request(), "after scale up: " + backend);

    c.getDeployment("shop/web").scale(2); // the newest pods go first
    c.settle();
    assertTrue(c.getPod(pod).exists(), "precondition: scale down spared " + pod);
    assertEquals(2, web.endpoints().size(), "endpoints changed: " + web.endpoints());
    assertTrue(web.endpoints().contains(backend), backend + " still in " + web.endpoints());
    assertEquals(ConnectionVerdict.ESTABLISHED, conn.request(), "after scale down: " + backend);
    assertEquals(backend, conn.backend().orElseThrow(), "the flow's backend never moves");

    c.getPod(pod).delete();
    c.runFor(Duration.ofMillis(500)); // draining: the process still answers on its socket
    assertEquals(ConnectionVerdict.ESTABLISHED, conn.request(), "during " + pod + "'s grace");
    c.settle();
    assertEquals(ConnectionVerdict.TIMED_OUT, conn.request(), pod + " is gone, its flow "
        + "blackholes:\n" + conn.explain());
    Connection fresh = c.getPod("shop/client").connect(web, 80);
    assertEquals(ConnectionVerdict.ESTABLISHED, fresh.verdict(), "new flows use new rules:\n"
        + fresh.explain());
  }
}
