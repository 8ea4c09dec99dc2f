package io.kubenetsim.core.controllers;

import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.DeploymentStrategy;
import io.kubenetsim.model.ReplicaSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of a Deployment rollout, as upstream's {@code rolling.go} and {@code
 * recreate.go} do it: given the Deployment, its new ReplicaSet and the old ones, the replica
 * counts each ReplicaSet should have next. Pure: no store, no clock.
 */
final class RollingUpdate {

  private RollingUpdate() {}

  /**
   * {@return the target {@code spec.replicas} per ReplicaSet name, only for those that change}
   */
  static Map<String, Integer> plan(Deployment d, ReplicaSet newRs, List<ReplicaSet> oldRss) {
    Map<String, Integer> targets = new LinkedHashMap<>();
    int replicas = d.spec().replicas();
    List<ReplicaSet> oldActive = oldRss.stream().filter(rs -> rs.spec().replicas() > 0).toList();
    if (d.spec().strategy().type().equals(DeploymentStrategy.RECREATE)) {
      oldActive.forEach(rs -> targets.put(rs.metadata().name(), 0));
      boolean oldPodsGone = oldRss.stream().allMatch(rs -> rs.status().replicas() == 0);
      if (oldActive.isEmpty() && oldPodsGone && newRs.spec().replicas() != replicas) {
        targets.put(newRs.metadata().name(), replicas);
      }
      return targets;
    }
    if (oldActive.isEmpty()) {
      if (newRs.spec().replicas() != replicas) {
        targets.put(newRs.metadata().name(), replicas);
      }
      return targets;
    }
    int[] fence = fenceposts(d);
    int maxSurge = fence[0];
    int maxUnavailable = fence[1];
    int newReplicas = newRs.spec().replicas();
    int total = newReplicas + oldActive.stream().mapToInt(rs -> rs.spec().replicas()).sum();
    if (newReplicas < replicas && total < replicas + maxSurge) {
      newReplicas = Math.min(newReplicas + replicas + maxSurge - total, replicas);
      targets.put(newRs.metadata().name(), newReplicas);
      total = newReplicas + oldActive.stream().mapToInt(rs -> rs.spec().replicas()).sum();
    }
    scaleDownOld(targets, oldActive, newRs, newReplicas, total, replicas - maxUnavailable);
    return targets;
  }

  private static void scaleDownOld(Map<String, Integer> targets, List<ReplicaSet> oldActive,
      ReplicaSet newRs, int newReplicas, int total, int minAvailable) {
    int newUnavailable = Math.max(0, newReplicas - newRs.status().availableReplicas());
    int budget = total - minAvailable - newUnavailable;
    if (budget <= 0) {
      return;
    }
    List<ReplicaSet> oldestFirst = new ArrayList<>(oldActive);
    oldestFirst.sort(Comparator
        .comparing((ReplicaSet rs) -> rs.metadata().creationTimestamp().orElseThrow())
        .thenComparing(rs -> rs.metadata().name()));
    // First drop old replicas that are not available anyway: they cost no availability.
    Map<String, Integer> next = new LinkedHashMap<>();
    for (ReplicaSet rs : oldestFirst) {
      int unhealthy = Math.max(0, rs.spec().replicas() - rs.status().availableReplicas());
      int cut = Math.min(unhealthy, budget);
      next.put(rs.metadata().name(), rs.spec().replicas() - cut);
      budget -= cut;
    }
    int available = newRs.status().availableReplicas()
        + oldestFirst.stream().mapToInt(rs -> rs.status().availableReplicas()).sum();
    int canRemove = Math.min(budget, Math.max(0, available - minAvailable));
    for (ReplicaSet rs : oldestFirst) {
      int current = next.get(rs.metadata().name());
      int cut = Math.min(current, canRemove);
      next.put(rs.metadata().name(), current - cut);
      canRemove -= cut;
    }
    for (ReplicaSet rs : oldestFirst) {
      int target = next.get(rs.metadata().name());
      if (target != rs.spec().replicas()) {
        targets.put(rs.metadata().name(), target);
      }
    }
  }

  /**
   * {@return maxSurge and maxUnavailable resolved against replicas (surge rounds up,
   * unavailable down); if both come out 0, maxUnavailable is 1, as upstream's
   * ResolveFenceposts makes it}
   */
  static int[] fenceposts(Deployment d) {
    int replicas = d.spec().replicas();
    int surge = d.spec().strategy().maxSurge().scaledValue(replicas, true);
    int unavailable = d.spec().strategy().maxUnavailable().scaledValue(replicas, false);
    if (surge == 0 && unavailable == 0) {
      unavailable = 1;
    }
    return new int[] {surge, unavailable};
  }
}
