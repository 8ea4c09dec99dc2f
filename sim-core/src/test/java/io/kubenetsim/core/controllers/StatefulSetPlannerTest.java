package io.kubenetsim.core.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.controllers.StatefulSetRevisions.Revision;
import io.kubenetsim.model.Condition;
import io.kubenetsim.model.ConditionStatus;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodManagementPolicy;
import io.kubenetsim.model.PodPhase;
import io.kubenetsim.model.PodStatus;
import io.kubenetsim.model.StatefulSet;
import io.kubenetsim.model.StatefulSetSpec;
import io.kubenetsim.model.StatefulSetStatus;
import io.kubenetsim.model.StatefulSetUpdateStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One sync's decisions as a table: a set, its pods in given states, and the pod writes the
 * planner makes — the behaviours upstream's {@code TestStatefulSetControl} ({@code CreatesPods},
 * {@code ScalesUp}, {@code ScalesDown}, {@code RecreatesFailedPod}, each for Monotonic and
 * Burst), {@code TestStatefulSetControlRollingUpdate}, {@code
 * TestStatefulSetControlOnDeleteUpdate} and {@code
 * TestStatefulSetControlRollingUpdateWithPartition} check, one sync at a time.
 *
 * <p>Pods are written {@code name:state[:rev]}: state {@code ready}, {@code running} (not
 * Ready), {@code pending}, {@code terminating} (Ready), {@code failed} or {@code young} (Ready
 * one second ago); rev {@code old} or {@code new} (the default). A case that cares at which
 * revision a pod is created writes {@code CREATE web-0@web-old}.
 */
class StatefulSetPlannerTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");
  private static final Revision OLD = revision("web-old", "nginx:1");
  private static final Revision NEW = revision("web-new", "nginx:2");

  private static Revision revision(String name, String image) {
    return new Revision(name, set(s -> s).spec().template().withSpec(set(s -> s).spec()
        .template().spec().withContainers(List.of(Container.of("web", image, List.of())))));
  }

  private static StatefulSet set(UnaryOperator<StatefulSetSpec> change) {
    StatefulSet set = StatefulSet.of("shop", "web", 3, "web", Labels.of("app", "web"),
        Container.of("web", "nginx:2", List.of()));
    set = set.withMetadata(set.metadata().withServerFields("set-uid", 1, 1, Optional.of(NOW)));
    return set.withSpec(change.apply(set.spec()));
  }

  private static Pod pod(StatefulSet set, String descriptor) {
    String[] parts = descriptor.split(":");
    int ordinal = Integer.parseInt(parts[0].substring(parts[0].lastIndexOf('-') + 1));
    Revision revision = parts.length > 2 && parts[2].equals("old") ? OLD : NEW;
    Pod pod = StatefulSetPods.newPod(set, revision.template(), revision.name(), ordinal);
    ObjectMeta meta = pod.metadata().withServerFields("uid-" + ordinal, 2, 1, Optional.of(NOW));
    String state = parts[1];
    if (state.equals("terminating")) {
      meta = meta.withDeletion(NOW.plusSeconds(30), 30);
    }
    return pod.withMetadata(meta).withStatus(status(state));
  }

  private static PodStatus status(String state) {
    PodPhase phase = switch (state) {
      case "pending" -> PodPhase.PENDING;
      case "failed" -> PodPhase.FAILED;
      default -> PodPhase.RUNNING;
    };
    boolean ready = state.equals("ready") || state.equals("terminating")
        || state.equals("young");
    Instant since = state.equals("young") ? NOW.minusSeconds(1) : NOW.minusSeconds(600);
    return new PodStatus(phase, ImmutableList.of(new Condition("Ready",
        ConditionStatus.of(ready), since, "", "")), "192.0.2.1", "10.244.0.2",
        ImmutableList.of("10.244.0.2"), Optional.of(since), ImmutableList.of(), "");
  }

  private static List<String> plan(StatefulSet set, String... pods) {
    List<Pod> list = new ArrayList<>();
    for (String descriptor : pods) {
      list.add(pod(set, descriptor));
    }
    return StatefulSetPlanner.plan(set, list, OLD, NEW, NOW).actions().stream()
        .map(Object::toString).toList();
  }

  private static final UnaryOperator<StatefulSetSpec> PARALLEL =
      s -> s.withPodManagementPolicy(PodManagementPolicy.PARALLEL);

  static Stream<Arguments> syncs() {
    return Stream.of(
        // CreatesPods / ScalesUp, Monotonic: one pod per sync, each after its predecessors.
        Arguments.of("ordered: the first sync creates web-0 only", set(s -> s), List.of(),
            List.of("CREATE web-0")),
        Arguments.of("ordered: web-0 not yet Ready blocks web-1", set(s -> s),
            List.of("web-0:running"), List.of()),
        Arguments.of("ordered: web-0 pending blocks web-1", set(s -> s),
            List.of("web-0:pending"), List.of()),
        Arguments.of("ordered: web-0 Ready lets web-1 start", set(s -> s),
            List.of("web-0:ready"), List.of("CREATE web-1")),
        Arguments.of("ordered: a gap is filled first, lowest ordinal first", set(s -> s),
            List.of("web-0:ready", "web-2:ready"), List.of("CREATE web-1")),
        Arguments.of("ordered: minReadySeconds holds web-1 back until web-0 is available",
            set(s -> s.withMinReadySeconds(10)), List.of("web-0:young"), List.of()),
        // CreatesPods, Burst: all at once.
        Arguments.of("parallel: every missing pod at once", set(PARALLEL), List.of(),
            List.of("CREATE web-0", "CREATE web-1", "CREATE web-2")),
        Arguments.of("parallel: an unready pod blocks nothing", set(PARALLEL),
            List.of("web-0:pending"), List.of("CREATE web-1", "CREATE web-2")),
        // ScalesDown: highest ordinal first, one at a time, after the replicas are healthy.
        Arguments.of("ordered scale-down deletes the highest ordinal only",
            set(s -> s.withReplicas(1)), List.of("web-0:ready", "web-1:ready", "web-2:ready"),
            List.of("DELETE web-2")),
        Arguments.of("ordered scale-down waits for the terminating pod",
            set(s -> s.withReplicas(1)),
            List.of("web-0:ready", "web-1:ready", "web-2:terminating"), List.of()),
        Arguments.of("ordered scale-down waits while a replica is unhealthy",
            set(s -> s.withReplicas(1)), List.of("web-0:running", "web-1:ready"), List.of()),
        Arguments.of("ordered scale-down removes an unhealthy condemned pod first in line",
            set(s -> s.withReplicas(1)), List.of("web-0:ready", "web-1:running"),
            List.of("DELETE web-1")),
        Arguments.of("parallel scale-down deletes every condemned pod",
            set(PARALLEL.andThen(s -> s.withReplicas(1))::apply),
            List.of("web-0:ready", "web-1:ready", "web-2:terminating"),
            List.of("DELETE web-1")),
        // RecreatesFailedPod: delete it; the next sync (once it is gone) creates it again.
        Arguments.of("a failed pod is deleted to be recreated", set(s -> s),
            List.of("web-0:ready", "web-1:failed", "web-2:ready"), List.of("DELETE web-1")),
        // RollingUpdate: top down, one per sync, waiting for the replacement.
        Arguments.of("rolling update replaces the highest ordinal first", set(s -> s),
            List.of("web-0:ready:old", "web-1:ready:old", "web-2:ready:old"),
            List.of("DELETE web-2")),
        Arguments.of("rolling update waits for the replacement to be Ready", set(s -> s),
            List.of("web-0:ready:old", "web-1:ready:old", "web-2:running"), List.of()),
        Arguments.of("rolling update goes on below a ready replacement", set(s -> s),
            List.of("web-0:ready:old", "web-1:ready:old", "web-2:ready"),
            List.of("DELETE web-1")),
        Arguments.of("partition 2 leaves web-0 and web-1 at the old revision",
            set(s -> s.withUpdateStrategy(StatefulSetUpdateStrategy.rollingUpdate(2))),
            List.of("web-0:ready:old", "web-1:ready:old", "web-2:ready"), List.of()),
        Arguments.of("below the partition a missing pod is made at the current revision",
            set(s -> s.withUpdateStrategy(StatefulSetUpdateStrategy.rollingUpdate(2))),
            List.of("web-1:ready:old", "web-2:ready"), List.of("CREATE web-0@web-old")),
        Arguments.of("OnDelete replaces nothing by itself",
            set(s -> s.withUpdateStrategy(StatefulSetUpdateStrategy.onDelete())),
            List.of("web-0:ready:old", "web-1:ready:old", "web-2:ready:old"), List.of()),
        Arguments.of("OnDelete makes a deleted pod at the update revision",
            set(s -> s.withUpdateStrategy(StatefulSetUpdateStrategy.onDelete())),
            List.of("web-0:ready:old", "web-2:ready:old"), List.of("CREATE web-1@web-new")),
        Arguments.of("ordinals.start 5 names the pods web-5…web-7",
            set(s -> s.withOrdinalsStart(5)), List.of("web-5:ready"), List.of("CREATE web-6")),
        Arguments.of("ordinals.start condemns the pods below it",
            set(s -> s.withOrdinalsStart(1)),
            List.of("web-0:ready", "web-1:ready", "web-2:ready", "web-3:ready"),
            List.of("DELETE web-0")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("syncs")
  void oneSyncMakesUpstreamsPodWrites(String name, StatefulSet set, List<String> pods,
      List<String> expected) {
    List<Pod> list = new ArrayList<>();
    for (String descriptor : pods) {
      list.add(pod(set, descriptor));
    }
    List<String> actions = StatefulSetPlanner.plan(set, list, OLD, NEW, NOW).actions().stream()
        .map(a -> a + (a.type() == StatefulSetPlan.PodAction.Type.CREATE
            && expected.stream().anyMatch(e -> e.contains("@"))
            ? "@" + StatefulSetPods.revision(a.pod()) : ""))
        .toList();
    assertEquals(expected, actions);
  }

  @Test
  void aNewPodHasItsStableIdentity() {
    StatefulSet set = set(s -> s);
    Pod created = StatefulSetPlanner.plan(set, List.of(), OLD, NEW, NOW).actions().get(0).pod();
    assertEquals("web-0", created.metadata().name());
    assertEquals("web-0", created.spec().hostname());
    assertEquals("web", created.spec().subdomain());
    assertEquals(Optional.of("web-0"), created.metadata().labels().get(
        StatefulSetPods.POD_NAME_LABEL));
    assertEquals(Optional.of("0"), created.metadata().labels().get(
        StatefulSetPods.POD_INDEX_LABEL));
    assertEquals(Optional.of("web-new"), created.metadata().labels().get(
        StatefulSetPods.REVISION_LABEL));
    assertEquals("StatefulSet/web", created.metadata().controllerRef().orElseThrow().toString());
    assertEquals("nginx:2", created.spec().containers().get(0).image());
  }

  @Test
  void damagedIdentityLabelsAreRestored() {
    StatefulSet set = set(s -> s);
    Pod pod = pod(set, "web-0:ready");
    Pod damaged = pod.withMetadata(pod.metadata().withLabels(Labels.of("app", "web")
        .with(StatefulSetPods.REVISION_LABEL, "web-new")));
    List<StatefulSetPlan.PodAction> actions = StatefulSetPlanner.plan(
        set.withSpec(set.spec().withReplicas(1)), List.of(damaged), NEW, NEW, NOW).actions();
    assertEquals(List.of("UPDATE web-0"), actions.stream().map(Object::toString).toList());
    assertEquals(Optional.of("0"), actions.get(0).pod().metadata().labels()
        .get(StatefulSetPods.POD_INDEX_LABEL));
  }

  @Test
  void statusCountsPodsByReadinessAndRevision() {
    StatefulSet set = set(s -> s.withUpdateStrategy(StatefulSetUpdateStrategy.rollingUpdate(2)));
    List<Pod> pods = List.of(pod(set, "web-0:ready:old"), pod(set, "web-1:ready:old"),
        pod(set, "web-2:running"));
    StatefulSetStatus status = StatefulSetPlanner.plan(set, pods, OLD, NEW, NOW).status();
    assertEquals(new StatefulSetStatus(1, 3, 2, 2, 1, 2, "web-old", "web-new"), status);
  }

  @Test
  void aFinishedRollingUpdateMakesTheUpdateRevisionCurrent() {
    // completeRollingUpdate: every pod updated and ready.
    StatefulSet set = set(s -> s);
    List<Pod> pods = List.of(pod(set, "web-0:ready"), pod(set, "web-1:ready"),
        pod(set, "web-2:ready"));
    StatefulSetStatus status = StatefulSetPlanner.plan(set, pods, OLD, NEW, NOW).status();
    assertEquals("web-new", status.currentRevision());
    assertEquals(3, status.currentReplicas());
  }

  @Test
  void aReadyPodNotYetAvailableAsksForASyncWhenItWillBe() {
    StatefulSet set = set(s -> s.withMinReadySeconds(10));
    StatefulSetPlan plan = StatefulSetPlanner.plan(set, List.of(pod(set, "web-0:young")), NEW,
        NEW, NOW);
    assertEquals(Optional.of(Duration.ofSeconds(9)), plan.recheck());
    assertEquals(0, plan.status().availableReplicas());
  }

  @Test
  void aSetBeingDeletedOnlyReportsStatus() {
    StatefulSet set = set(s -> s);
    set = set.withMetadata(set.metadata().withDeletion(NOW, 0));
    assertEquals(List.of(), plan(set, "web-0:ready"));
  }
}
