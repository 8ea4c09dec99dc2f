package io.kubenetsim.core.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.core.ServiceInternals;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With a 2 s informer lag the EndpointSlice controller acts on a stale view: right after a pod
 * stops being ready (or is deleted) the Service still lists it — the window in which kube-proxy
 * would keep sending it traffic — and once the lag has passed the slices converge. Each test
 * shows both sides of the window by stepping virtual time.
 */
class EndpointLagTest {
  private static final Duration LAG = Duration.ofSeconds(2);

  private Cluster c;
  private ServiceHandle web;

  @BeforeEach
  void threeWebPodsBehindAServiceWithALaggingController() {
    c = KubeSim.cluster().nodes(3).seed(42).informerLag(LAG).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(3).label("app", "web").containerPort("http", 8080)
        .create();
    web = c.expose("shop/web").port(80).targetPort("http").create();
    c.settle();
    assertEquals(3, web.endpoints().size(), ServiceInternals.context(c));
  }

  @Test
  void aPodThatStopsBeingReadyStaysListedForTheLagThenLeaves() {
    // The second crash of a container backs off 10 s, so the pod is not ready for ~11 s:
    // long enough to see the stale window (+1 s) and the converged state (+lag +0.5 s).
    PodHandle pod = c.pods("shop", "app=web").get(0);
    HostPort endpoint = HostPort.of(IpAddress.parse(pod.ip().orElseThrow()), 8080);
    pod.crash();
    c.settle();
    assertTrue(pod.isReady());
    pod.crash();
    assertFalse(pod.isReady(), "the pod is not ready at once");
    c.runFor(Duration.ofSeconds(1));
    assertFalse(pod.isReady());
    assertTrue(web.endpoints().contains(endpoint), "stale: still listed 1 s after, "
        + web.endpoints());
    c.runFor(LAG.minusSeconds(1).plusMillis(500));
    assertFalse(pod.isReady());
    assertFalse(web.endpoints().contains(endpoint), "converged after the lag: "
        + web.endpoints() + ServiceInternals.context(c));
    assertEquals(2, web.endpoints().size());
    c.settle();
    assertTrue(web.endpoints().contains(endpoint), "ready again after the back-off");
  }

  @Test
  void aDeletedPodStaysListedForTheLagThenLeaves() {
    PodHandle pod = c.pods("shop", "app=web").get(1);
    String ip = pod.ip().orElseThrow();
    HostPort endpoint = HostPort.of(IpAddress.parse(ip), 8080);
    pod.delete();
    c.runFor(Duration.ofSeconds(1));
    assertTrue(pod.get().metadata().isTerminating());
    assertTrue(web.endpoints().contains(endpoint), "stale: still ready 1 s after delete, "
        + web.endpoints());
    c.runFor(Duration.ofMillis(1500));
    assertFalse(web.endpoints().contains(endpoint), "converged: " + web.endpoints());
    assertTrue(web.slices().stream().flatMap(s -> s.endpoints().stream())
        .filter(e -> e.addresses().contains(ip)).allMatch(e -> e.conditions().isTerminating()),
        "listed, if at all, as terminating");
    c.settle();
    List<EndpointSlice> slices = web.slices();
    assertEquals(1, slices.size(), "no duplicate slices from the stale view: " + slices);
    List<HostPort> expected = c.pods("shop", "app=web").stream().filter(PodHandle::isReady)
        .map(p -> HostPort.of(IpAddress.parse(p.ip().orElseThrow()), 8080))
        .sorted(HostPort.BY_TEXT).toList();
    assertEquals(3, expected.size());
    assertEquals(expected, web.endpoints(), ServiceInternals.context(c));
  }
}
