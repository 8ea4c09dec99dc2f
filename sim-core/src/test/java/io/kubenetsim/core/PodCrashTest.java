package io.kubenetsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.NotSettledException;
import io.kubenetsim.PodHandle;
import io.kubenetsim.model.ReplicaSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodCrashTest {

  private static Cluster clusterWithWeb(long maxSettleEvents) {
    Cluster c = KubeSim.cluster().nodes(2).seed(11).maxSettleEvents(maxSettleEvents).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(2).label("app", "web").containerPort("http", 8080)
        .create();
    c.settle();
    return c;
  }

  @Test
  void aCrashRestartsTheContainersInPlaceKeepingNameAndIp() {
    // Proves a crash is not a replacement: same pod, same IP, restartCount + 1; the pod is not
    // ready while the container restarts, then Ready again; the Deployment makes no new pod.
    Cluster c = clusterWithWeb(5_000_000);
    PodHandle pod = c.pods("shop", "app=web").get(0);
    String ip = pod.ip().orElseThrow();
    List<String> names = c.pods("shop", "app=web").stream().map(PodHandle::name).toList();

    pod.crash();

    assertFalse(pod.isReady(), "not ready right after the crash" + Diagnostics.context(c));
    assertEquals(1, pod.restartCount());
    c.runFor(Duration.ofMillis(500));
    assertFalse(pod.isReady(), "still not ready while the container starts again"
        + Diagnostics.context(c));
    c.settle();
    assertTrue(pod.isReady(), "Ready again after the restart" + Diagnostics.context(c));
    assertEquals(ip, pod.ip().orElseThrow(), "the IP is the sandbox's and survives a restart");
    assertEquals(1, pod.restartCount());
    assertEquals(names, c.pods("shop", "app=web").stream().map(PodHandle::name).toList(),
        "no pod was replaced");
    assertEquals(1, c.events().about(pod.ref()).ofKind("BackOff").size());
  }

  @Test
  void theControllersSeeTheCrashedPodNotReady() {
    // Proves the not-ready window is long enough for the lagging controllers to notice: the
    // ReplicaSet reports one pod fewer ready at some point, and all ready again at the end.
    Cluster c = clusterWithWeb(5_000_000);
    int mark = c.events().size();
    c.pods("shop", "app=web").get(1).crash();
    c.settle();
    boolean sawDip = c.events().asList().subList(mark, c.events().size()).stream()
        .anyMatch(e -> e.kind().equals("ReplicaSetStatus") && e.detail().contains("ready 1/2"));
    assertTrue(sawDip, "the ReplicaSet never reported ready 1/2" + Diagnostics.context(c));
    ReplicaSet rs = c.list(ReplicaSet.class).get(0);
    assertEquals(2, rs.status().readyReplicas());
  }

  @Test
  void aCrashLoopingPodKeepsTheClusterFromSettling() {
    // Proves settle() refuses to spin forever on a CrashLoopBackOff and says why: the message
    // names the seed and the recurring BackOff of that pod.
    Cluster c = clusterWithWeb(2_000);
    PodHandle pod = c.pods("shop", "app=web").get(0);

    pod.crashLoop(true);

    NotSettledException e = assertThrows(NotSettledException.class, c::settle);
    assertTrue(e.getMessage().contains("seed 11"), e.getMessage());
    assertTrue(e.getMessage().contains("BackOff " + pod.ref()), e.getMessage());
    assertTrue(pod.restartCount() > 3, "restarts: " + pod.restartCount());
    assertEquals(pod.ref(), c.pods("shop", "app=web").get(0).ref(), "still the same pod");
  }

  @Test
  void backOffDoublesUpToItsCap() {
    // Proves the kubelet's back-off: the gaps between restarts grow (10 s, 20 s, 40 s, ...) and
    // stop growing at 5 minutes.
    Cluster c = clusterWithWeb(5_000_000);
    PodHandle pod = c.pods("shop", "app=web").get(0);
    pod.crashLoop(true);
    c.runFor(Duration.ofMinutes(30));
    List<String> details = c.events().about(pod.ref()).ofKind("BackOff").asList().stream()
        .map(e -> e.detail().replaceAll(".* in ", "")).toList();
    assertEquals(List.of("0s", "10s", "20s", "40s", "80s", "160s", "300s"),
        details.subList(0, 7), "back-offs " + details);
    assertTrue(details.subList(7, details.size()).stream().allMatch("300s"::equals),
        "back-offs past the cap " + details);
  }

  @Test
  void stoppingACrashLoopLetsTheClusterSettleWithThePodReady() {
    Cluster c = clusterWithWeb(5_000_000);
    PodHandle pod = c.pods("shop", "app=web").get(0);
    pod.crashLoop(true);
    c.runFor(Duration.ofMinutes(2));
    pod.crashLoop(false);
    c.settle();
    assertTrue(pod.isReady(), Diagnostics.context(c));
    assertTrue(pod.restartCount() >= 3, "restarts: " + pod.restartCount());
  }
}
