package io.kubenetsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.DeploymentHandle;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeploymentScalingTest {
  private Cluster c;
  private DeploymentHandle web;

  @BeforeEach
  void threeReadyPods() {
    c = KubeSim.cluster().nodes(3).seed(21).build();
    c.createNamespace("shop");
    web = c.deployment("shop/web").replicas(3).label("app", "web").create();
    c.settle();
  }

  private Set<String> liveNames() {
    return web.pods().stream().filter(p -> !p.get().metadata().isTerminating())
        .map(PodHandle::name).collect(Collectors.toSet());
  }

  @Test
  void scalingUpAddsPodsAndKeepsTheExistingOnes() {
    // Proves scale-up only adds: the original pods survive and the new ones become Ready.
    Set<String> original = liveNames();
    web.scale(7);
    c.settle();
    Set<String> now = liveNames();
    assertEquals(7, now.size(), Diagnostics.context(c));
    assertTrue(now.containsAll(original), "an original pod was replaced: " + now);
    assertTrue(web.pods().stream().allMatch(PodHandle::isReady), Diagnostics.context(c));
    assertEquals(7, web.get().status().readyReplicas());
  }

  @Test
  void scalingDownRemovesNotReadyPodsFirst() {
    // Proves PodRanking's "not ready before ready": scaled back down while the new pods are
    // still starting, the ReplicaSet deletes exactly those and keeps the Ready originals.
    Set<String> original = liveNames();
    web.scale(5);
    c.runFor(Duration.ofSeconds(1));
    List<PodHandle> starting = web.pods().stream().filter(p -> !original.contains(p.name()))
        .toList();
    assertEquals(2, starting.size(), Diagnostics.context(c));
    assertTrue(starting.stream().noneMatch(PodHandle::isReady), "new pods should still start");

    web.scale(3);
    c.settle();

    assertEquals(original, liveNames(), Diagnostics.context(c));
    assertTrue(starting.stream().noneMatch(PodHandle::exists));
  }

  @Test
  void scalingDownRemovesTheNewestReadyPodsFirst() {
    // Proves "ready for less time before ready for more": when every pod is Ready, the pods
    // that became Ready last are removed and the three oldest survive.
    Set<String> original = liveNames();
    c.runFor(Duration.ofSeconds(30));
    web.scale(6);
    c.settle();
    assertEquals(6, liveNames().size());
    assertTrue(web.pods().stream().allMatch(PodHandle::isReady));

    web.scale(3);
    c.settle();

    assertEquals(original, liveNames(), Diagnostics.context(c));
    assertEquals(3, web.pods().size(), "the removed pods finished terminating");
  }

  @Test
  void scalingToZeroRemovesEveryPodButKeepsTheReplicaSet() {
    web.scale(0);
    c.settle();
    assertTrue(web.pods().isEmpty(), Diagnostics.context(c));
    assertEquals(1, web.replicaSets().size());
    assertEquals(0, web.replicaSets().get(0).spec().replicas());
    assertFalse(c.pods("shop", "app=web").stream().anyMatch(PodHandle::exists));
  }
}
