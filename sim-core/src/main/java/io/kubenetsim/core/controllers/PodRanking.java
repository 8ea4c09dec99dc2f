package io.kubenetsim.core.controllers;

import io.kubenetsim.model.Condition;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodPhase;
import java.time.Instant;
import java.util.Comparator;

/**
 * The order in which a ReplicaSet picks pods to delete when scaling down (upstream's {@code
 * ActivePods} ordering): unscheduled before scheduled, Pending before Unknown before Running,
 * not ready before ready, ready for less time before ready for more, more restarts before
 * fewer, newer before older; names break remaining ties so the order is total.
 */
final class PodRanking {

  static final Comparator<Pod> DELETE_FIRST = Comparator
      .comparing((Pod p) -> !p.spec().nodeName().isEmpty())
      .thenComparing(p -> phaseRank(p.status().phase()))
      .thenComparing(Pod::isReady)
      .thenComparing(PodRanking::readySince, Comparator.reverseOrder())
      .thenComparing(p -> p.status().restartCount(), Comparator.reverseOrder())
      .thenComparing(p -> p.metadata().creationTimestamp().orElse(Instant.EPOCH),
          Comparator.reverseOrder())
      .thenComparing(p -> p.metadata().name());

  private PodRanking() {}

  private static int phaseRank(PodPhase phase) {
    return switch (phase) {
      case PENDING -> 0;
      case UNKNOWN -> 1;
      case RUNNING -> 2;
      default -> 3;
    };
  }

  private static Instant readySince(Pod pod) {
    return pod.status().condition("Ready").filter(Condition::isTrue)
        .map(Condition::lastTransitionTime).orElse(Instant.MAX);
  }
}
