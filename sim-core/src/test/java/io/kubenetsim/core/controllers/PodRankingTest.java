package io.kubenetsim.core.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.model.Condition;
import io.kubenetsim.model.ConditionStatus;
import io.kubenetsim.model.ContainerState;
import io.kubenetsim.model.ContainerStatus;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodPhase;
import io.kubenetsim.model.PodSpec;
import io.kubenetsim.model.PodStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PodRankingTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** A pod: name, node ("" = unscheduled), phase, ready since (null = not ready), restarts, created. */
  private static Pod pod(String name, String node, PodPhase phase, Integer readySince,
      int restarts, int createdAt) {
    List<Condition> conditions = readySince == null
        ? List.of(new Condition("Ready", ConditionStatus.FALSE, T0, "", ""))
        : List.of(new Condition("Ready", ConditionStatus.TRUE, T0.plusSeconds(readySince), "", ""));
    ContainerStatus container = new ContainerStatus("c", "img", readySince != null, true,
        restarts, ContainerState.running(T0), Optional.empty());
    ObjectMeta meta = ObjectMeta.named("shop", name).withLabels(Labels.of("app", "web"))
        .withServerFields("uid-" + name, 1, 1, Optional.of(T0.plusSeconds(createdAt)));
    return new Pod(meta, PodSpec.of(List.of()).withNodeName(node),
        new PodStatus(phase, ImmutableList.copyOf(conditions), "", "", ImmutableList.of(),
            Optional.empty(), ImmutableList.of(container), ""));
  }

  @Test
  void podsToDeleteFirstAreOrderedAsUpstreamsActivePods() {
    // Proves the scale-down order, one rule per row, each row beating all rows below it:
    // unscheduled; Pending; Unknown; not ready; ready more recently; more restarts; newer;
    // and finally the name, so the order is total.
    List<Pod> expected = List.of(
        pod("unscheduled", "", PodPhase.PENDING, null, 0, 0),
        pod("pending", "n1", PodPhase.PENDING, null, 0, 0),
        pod("unknown", "n1", PodPhase.UNKNOWN, null, 0, 0),
        pod("not-ready", "n1", PodPhase.RUNNING, null, 0, 0),
        pod("ready-recently", "n1", PodPhase.RUNNING, 50, 0, 0),
        pod("ready-long-restarted", "n1", PodPhase.RUNNING, 10, 3, 0),
        pod("ready-long-newer", "n1", PodPhase.RUNNING, 10, 0, 5),
        pod("ready-long-older-a", "n1", PodPhase.RUNNING, 10, 0, 1),
        pod("ready-long-older-b", "n1", PodPhase.RUNNING, 10, 0, 1));
    for (long seed = 1; seed <= 20; seed++) {
      List<Pod> shuffled = new ArrayList<>(expected);
      SeededRandom random = new SeededRandom(seed);
      for (int i = shuffled.size() - 1; i > 0; i--) {
        Collections.swap(shuffled, i, random.nextInt(i + 1));
      }
      shuffled.sort(PodRanking.DELETE_FIRST);
      assertEquals(expected.stream().map(p -> p.metadata().name()).toList(),
          shuffled.stream().map(p -> p.metadata().name()).toList(), "shuffle seed " + seed);
    }
  }
}
