package io.kubenetsim.core.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.Condition;
import io.kubenetsim.model.ConditionStatus;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodPhase;
import io.kubenetsim.model.PodStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The per-pod rule of upstream's {@code MarkPodsNotReady} (controller_utils.go) and
 * {@code UpdatePodCondition}: only a pod of this node whose Ready condition exists and is not
 * False changes, and only that condition's status and transition time change.
 */
class MarkPodNotReadyTest {
  private static final Instant STARTED = Instant.parse("2026-01-01T00:00:01Z");
  private static final Instant NOW = Instant.parse("2026-01-01T00:01:00Z");

  private static Pod pod(String node, Condition... conditions) {
    Pod pod = Pod.of("shop", "web-0", Labels.of("app", "web"), Container.of("web", "agnhost", List.of()));
    return pod.withSpec(pod.spec().withNodeName(node)).withStatus(new PodStatus(
        PodPhase.RUNNING, ImmutableList.copyOf(conditions), "172.18.0.2", "10.244.0.2",
        ImmutableList.of("10.244.0.2"), Optional.of(STARTED), ImmutableList.of(), ""));
  }

  private static Condition condition(String type, ConditionStatus status, String reason) {
    return new Condition(type, status, STARTED, reason, reason.isEmpty() ? "" : "why: " + reason);
  }

  @Test
  void aReadyConditionBecomesFalseKeepingReasonMessageAndTheOtherConditions() {
    Condition containersReady = condition("ContainersReady", ConditionStatus.TRUE, "");
    Pod before = pod("node-1", containersReady, condition("Ready", ConditionStatus.TRUE, ""));
    Pod after = NodeLifecycleController.markPodNotReady(before, "node-1", NOW);
    assertEquals(List.of(containersReady,
        new Condition("Ready", ConditionStatus.FALSE, NOW, "", "")), after.status().conditions());
    assertEquals(before.withStatus(after.status()), after, "only the status changed");
  }

  @Test
  void anUnknownReadyConditionBecomesFalseWithItsOwnReason() {
    Pod before = pod("node-1", condition("Ready", ConditionStatus.UNKNOWN, "Probing"));
    assertEquals(List.of(new Condition("Ready", ConditionStatus.FALSE, NOW, "Probing",
            "why: Probing")),
        NodeLifecycleController.markPodNotReady(before, "node-1", NOW).status().conditions());
  }

  @Test
  void podsWithNothingToChangeAreReturnedAsTheyAre() {
    // Each row is a pod MarkPodsNotReady skips: already False, no Ready condition at all
    // (never reported by a kubelet), or bound to another node (its defensive check).
    List<Pod> skipped = List.of(
        pod("node-1", condition("Ready", ConditionStatus.FALSE, "ContainersNotReady")),
        pod("node-1", condition("PodScheduled", ConditionStatus.TRUE, "")),
        pod("node-2", condition("Ready", ConditionStatus.TRUE, "")));
    for (Pod pod : skipped) {
      assertSame(pod, NodeLifecycleController.markPodNotReady(pod, "node-1", NOW),
          pod.spec().nodeName() + " " + pod.status().conditions());
    }
  }
}
