package io.kubenetsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.DeploymentHandle;
import io.kubenetsim.KubeSim;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.ReplicaSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RollingRestartTest {

  /** {@return the Deployment's pods that are Ready and not being deleted} */
  private static long readyActive(Cluster c, DeploymentHandle d) {
    Set<String> owners = d.replicaSets().stream().map(rs -> rs.metadata().uid())
        .collect(Collectors.toSet());
    return c.list(Pod.class).stream()
        .filter(p -> p.metadata().controllerRef().map(r -> owners.contains(r.uid())).orElse(false))
        .filter(p -> p.isReady() && !p.metadata().isTerminating())
        .count();
  }

  @Test
  void restartRollsEveryPodWithoutDroppingBelowTheAvailabilityFloor() {
    // Proves a rollout restart is a rolling update: at every event of the rollout at least
    // replicas − maxUnavailable (8 − 25% = 6) pods are Ready and not terminating; at the end
    // every pod is new, from a new ReplicaSet, and the old ReplicaSet is scaled to zero.
    Cluster c = KubeSim.cluster().nodes(3).seed(33).build();
    c.createNamespace("shop");
    DeploymentHandle web = c.deployment("shop/web").replicas(8).label("app", "web").create();
    c.settle();
    Set<String> oldPods = web.pods().stream().map(p -> p.name()).collect(Collectors.toSet());
    String oldRs = web.replicaSets().get(0).metadata().name();

    web.restart();
    long minimum = Long.MAX_VALUE;
    int steps = 0;
    while (c.step()) {
      steps++;
      long ready = readyActive(c, web);
      minimum = Math.min(minimum, ready);
      assertTrue(ready >= 6, "only " + ready + " ready pods at step " + steps
          + Diagnostics.context(c));
      assertTrue(steps < 100_000, "the rollout never finished" + Diagnostics.context(c));
    }

    assertEquals(6, minimum, "the rollout should use its whole unavailability budget");
    List<ReplicaSet> sets = web.replicaSets();
    assertEquals(2, sets.size(), "old and new ReplicaSet: " + sets);
    ReplicaSet newRs = sets.stream().filter(rs -> !rs.metadata().name().equals(oldRs))
        .findFirst().orElseThrow();
    assertNotEquals(oldRs, newRs.metadata().name());
    assertEquals("2", newRs.metadata().annotations().get("deployment.kubernetes.io/revision"));
    assertEquals(8, newRs.spec().replicas());
    assertEquals(0, sets.stream().filter(rs -> rs.metadata().name().equals(oldRs))
        .findFirst().orElseThrow().spec().replicas());
    assertEquals(8, web.pods().size(), Diagnostics.context(c));
    assertTrue(web.pods().stream().allMatch(p -> p.isReady()
        && p.get().metadata().labels().get("pod-template-hash").orElseThrow()
            .equals(newRs.metadata().labels().get("pod-template-hash").orElseThrow())),
        Diagnostics.context(c));
    assertTrue(web.pods().stream().noneMatch(p -> oldPods.contains(p.name())),
        "an old pod survived the restart");
    assertFalse(web.get().spec().template().metadata().annotations()
        .get("kubectl.kubernetes.io/restartedAt").isEmpty());
  }

  @Test
  void theRolloutNeverRunsMoreThanReplicasPlusMaxSurgePods() {
    // Proves the other fencepost: with maxSurge 25% of 8 = 2, active pods never exceed 10.
    Cluster c = KubeSim.cluster().nodes(3).seed(34).build();
    c.createNamespace("shop");
    DeploymentHandle web = c.deployment("shop/web").replicas(8).label("app", "web").create();
    c.settle();
    web.restart();
    long maximum = 0;
    while (c.step()) {
      long active = c.list(Pod.class, "shop").stream()
          .filter(p -> !p.metadata().isTerminating()).count();
      maximum = Math.max(maximum, active);
      assertTrue(active <= 10, active + " active pods" + Diagnostics.context(c));
    }
    assertEquals(10, maximum, "the rollout should use its whole surge budget");
  }
}
