package io.kubenetsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.StatefulSetHandle;
import io.kubenetsim.model.StatefulSet;
import io.kubenetsim.model.StatefulSetStatus;
import io.kubenetsim.model.StatefulSetUpdateStrategy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * StatefulSet updates on virtual time, after upstream's {@code
 * TestStatefulSetControlRollingUpdate}, {@code TestStatefulSetControlRollingUpdateWithPartition}
 * and {@code TestStatefulSetControlOnDeleteUpdate}: replacement from the highest ordinal down,
 * one at a time, each once the one before is Ready; a partition that keeps the lower ordinals
 * at the current revision; OnDelete, which replaces only what is deleted.
 */
class StatefulSetUpdateTest {
  private static final String OLD = "registry.k8s.io/e2e-test-images/agnhost:2.53";
  private static final String NEW = "nginx:1.27";

  private final StatefulSetFixture f = new StatefulSetFixture(47);

  @Test
  void aRollingUpdateReplacesFromTheHighestOrdinalDownWaitingForEachReplacement() {
    StatefulSetHandle web = f.web(3, b -> b);
    f.c.settle();
    String oldRevision = web.get().status().updateRevision();
    web.setImage(NEW);
    f.c.settle();
    assertEquals(List.of("web-2", "web-1", "web-0"), f.podsOf("SuccessfulDelete"));
    for (int i = 1; i >= 0; i--) {
      Duration deleted = f.times("SuccessfulDelete", "web-" + i).get(0);
      Duration higherReady = f.readyAt(f.c.getPod("shop/web-" + (i + 1)));
      assertTrue(deleted.compareTo(higherReady) > 0, "web-" + i + " deleted at " + deleted
          + " before the new web-" + (i + 1) + " was Ready at " + higherReady);
    }
    StatefulSetStatus status = web.get().status();
    assertNotEquals(oldRevision, status.updateRevision());
    assertEquals(status.updateRevision(), status.currentRevision(), "the update completed");
    assertEquals(3, status.currentReplicas());
    for (int i = 0; i < 3; i++) {
      assertEquals(NEW, f.image("web-" + i));
    }
  }

  @Test
  void aPartitionKeepsTheLowerOrdinalsAtTheCurrentRevisionEvenWhenRecreated() {
    StatefulSetHandle web = f.web(4, b -> b.updateStrategy(
        StatefulSetUpdateStrategy.rollingUpdate(2)));
    f.c.settle();
    web.setImage(NEW);
    f.c.settle();
    assertEquals(List.of(OLD, OLD, NEW, NEW),
        List.of(f.image("web-0"), f.image("web-1"), f.image("web-2"), f.image("web-3")));
    StatefulSetStatus status = web.get().status();
    assertNotEquals(status.currentRevision(), status.updateRevision());
    assertEquals(2, status.currentReplicas());
    assertEquals(2, status.updatedReplicas());

    f.c.getPod("shop/web-0").delete();
    f.c.settle();
    assertEquals(OLD, f.image("web-0"), "below the partition a pod comes back as it was");

    StatefulSet set = web.get();
    f.c.apply(set.withSpec(set.spec().withUpdateStrategy(
        StatefulSetUpdateStrategy.rollingUpdate(0))));
    f.c.settle();
    assertEquals(List.of(NEW, NEW, NEW, NEW),
        List.of(f.image("web-0"), f.image("web-1"), f.image("web-2"), f.image("web-3")));
    assertEquals(web.get().status().updateRevision(), web.get().status().currentRevision());
  }

  @Test
  void onDeleteReplacesOnlyThePodsThatAreDeleted() {
    StatefulSetHandle web = f.web(3, b -> b.updateStrategy(StatefulSetUpdateStrategy.onDelete()));
    f.c.settle();
    web.setImage(NEW);
    f.c.settle();
    assertEquals(List.of(), f.podsOf("SuccessfulDelete"));
    assertEquals(List.of(OLD, OLD, OLD),
        List.of(f.image("web-0"), f.image("web-1"), f.image("web-2")));
    assertEquals(0, web.get().status().updatedReplicas());

    f.c.getPod("shop/web-1").delete();
    f.c.settle();
    assertEquals(List.of(OLD, NEW, OLD),
        List.of(f.image("web-0"), f.image("web-1"), f.image("web-2")));
    assertEquals(1, web.get().status().updatedReplicas());
  }

  @Test
  void aRestartRollsEveryPodThroughANewRevision() {
    StatefulSetHandle web = f.web(2, b -> b);
    f.c.settle();
    String before = web.get().status().currentRevision();
    web.restart();
    f.c.settle();
    assertEquals(List.of("web-1", "web-0"), f.podsOf("SuccessfulDelete"));
    assertNotEquals(before, web.get().status().currentRevision());
    assertEquals(2, web.get().status().readyReplicas());
  }
}
