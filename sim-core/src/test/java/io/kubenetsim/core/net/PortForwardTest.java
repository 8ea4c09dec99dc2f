package io.kubenetsim.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PortForward;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * kubectl port-forward to a Service picks one pod and sends every connection there, straight
 * into the pod (from localhost), resolving a named targetPort on that pod; it bypasses the
 * ClusterIP and load balancing, refuses UDP ports, and fails once the pod is gone.
 */
class PortForwardTest {

  private static Cluster shop() {
    Cluster c = KubeSim.cluster().nodes(3).seed(3).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(3).label("app", "web").containerPort("http", 8080)
        .containerPort("dns", 53, Protocol.UDP).create();
    c.service("shop/web").selector("app", "web").port("http", 80, "http").create();
    c.settle();
    return c;
  }

  @Test
  void everyConnectionGoesToTheOnePodKubectlChose() {
    Cluster c = shop();
    PortForward forward = c.portForward("svc/shop/web", 8080, "80");
    assertEquals(8080, forward.podPort(), "service port 80 -> targetPort http -> 8080");
    IntStream.range(0, 20).forEach(i -> {
      Connection conn = forward.connect();
      assertEquals(ConnectionVerdict.ESTABLISHED, conn.verdict(), conn.explain());
      assertEquals(forward.pod(), conn.backendPod().orElseThrow());
      assertEquals(IpAddress.parse("127.0.0.1"), conn.sourceSeenByBackend());
      assertEquals(1, conn.hops().size(), "no kube-proxy hop: " + conn.explain());
    });
  }

  @Test
  void udpPortsAreRefusedAndAGonePodTimesOut() {
    Cluster c = shop();
    assertThrows(IllegalArgumentException.class, () -> c.portForward("deploy/shop/web", 5353,
        "dns"));
    PortForward forward = c.portForward("deploy/shop/web", 8080, "http");
    c.getPod(forward.pod()).delete();
    c.settle();
    assertEquals(ConnectionVerdict.TIMED_OUT, forward.connect().verdict(),
        "port-forward has no failover");
  }
}
