package io.kubenetsim.core.controllers;

import io.kubenetsim.core.controllers.StatefulSetPlan.PodAction;
import io.kubenetsim.core.controllers.StatefulSetRevisions.Revision;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodManagementPolicy;
import io.kubenetsim.model.StatefulSet;
import io.kubenetsim.model.StatefulSetStatus;
import io.kubenetsim.model.StatefulSetUpdateStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One sync of a StatefulSet as a pure function, after upstream's {@code updateStatefulSet},
 * {@code processReplica}, {@code processCondemned} and {@code runForAll} in {@code
 * pkg/controller/statefulset/stateful_set_control.go}: from the set, its pods (as the lagging
 * informer shows them) and its current and update revisions, the pod writes to make and the
 * status to report.
 *
 * <p>Steps, as upstream: (1) sort the pods into replicas (ordinals {@code start … start +
 * replicas - 1}) and condemned ones (other ordinals, highest first), and stand a new pod in for
 * each missing ordinal — at the current revision below the partition, else at the update
 * revision ({@code newVersionedStatefulSetPod}); (2) a set being deleted only reports status;
 * (3) each replica in ordinal order: an ended pod is deleted (it is recreated once gone), a
 * missing one created, a pod with damaged identity labels repaired — and under {@code
 * OrderedReady} the sync stops at the first create, delete, or pod that is terminating, not
 * Running and Ready, or not yet available; (4) condemned pods, highest ordinal first: under
 * {@code OrderedReady} one deletion per sync, and none while a pod terminates or one other than
 * the first unavailable is unhealthy; (5) {@code OnDelete} stops here; {@code RollingUpdate}
 * deletes the highest-ordinal pod at or above the partition that is not at the update revision,
 * one per sync, waiting while such a pod is unavailable. {@code Parallel} does steps 3 and 4 for
 * every pod at once. The status counts the pods seen, and a finished rolling update makes the
 * update revision current ({@code completeRollingUpdate}).
 *
 * <p>Simplification: persistent volume claims are not modelled, so the claim steps are left out.
 *
 * <pre>{@code
 * StatefulSetPlan plan = StatefulSetPlanner.plan(set, pods, current, update, now);
 * }</pre>
 */
final class StatefulSetPlanner {
  private final StatefulSet set;
  private final Revision current;
  private final Revision update;
  private final Instant now;
  private final Duration minReady;
  private final boolean monotonic;
  private final Pod[] replicas;
  private final List<Pod> condemned = new ArrayList<>();
  private final List<PodAction> actions = new ArrayList<>();
  private Optional<Pod> firstUnavailable = Optional.empty();
  private boolean replacedOne;

  private StatefulSetPlanner(StatefulSet set, Revision current, Revision update, Instant now) {
    this.set = set;
    this.current = current;
    this.update = update;
    this.now = now;
    this.minReady = Duration.ofSeconds(set.spec().minReadySeconds());
    this.monotonic = set.spec().podManagement() != PodManagementPolicy.PARALLEL;
    this.replicas = new Pod[Math.max(0, set.spec().replicas())];
  }

  /**
   * {@return what one sync does}
   *
   * @param pods the set's pods as the informer shows them (any order)
   */
  static StatefulSetPlan plan(StatefulSet set, List<Pod> pods, Revision current,
      Revision update, Instant now) {
    return new StatefulSetPlanner(set, current, update, now).run(pods);
  }

  private StatefulSetPlan run(List<Pod> pods) {
    sortPods(pods);
    if (!set.metadata().isTerminating()) {
      boolean blocked = forEach(replicaList(), this::processReplica)
          || forEach(condemned, this::processCondemned);
      if (!blocked && !set.spec().updateStrategy().isOnDelete()) {
        rollingUpdate();
      }
    }
    return new StatefulSetPlan(actions, status(), recheck());
  }

  private void sortPods(List<Pod> pods) {
    int start = set.spec().ordinalsStart();
    for (Pod pod : pods) {
      int ordinal = StatefulSetPods.ordinal(pod).orElse(-1);
      if (ordinal >= start && ordinal - start < replicas.length) {
        replicas[ordinal - start] = pod;
      } else if (ordinal >= 0) {
        condemned.add(pod);
      } // A pod whose ordinal does not parse is ignored, as upstream ignores it.
    }
    for (int i = 0; i < replicas.length; i++) {
      if (replicas[i] == null) {
        replicas[i] = newVersionedPod(start + i);
      }
    }
    condemned.sort(Comparator.comparingInt((Pod p) -> StatefulSetPods.ordinal(p).orElse(-1))
        .reversed());
    for (Pod pod : replicaList()) {
      noteIfUnavailable(pod);
    }
    for (int i = condemned.size() - 1; i >= 0; i--) {
      noteIfUnavailable(condemned.get(i));
    }
  }

  private void noteIfUnavailable(Pod pod) {
    if (firstUnavailable.isEmpty() && StatefulSetPods.isUnavailable(pod, minReady, now)) {
      firstUnavailable = Optional.of(pod);
    }
  }

  /** Upstream's {@code newVersionedStatefulSetPod}, Go's operator precedence included. */
  private Pod newVersionedPod(int ordinal) {
    StatefulSetUpdateStrategy strategy = set.spec().updateStrategy();
    int start = set.spec().ordinalsStart();
    boolean atCurrent = strategy.partition().isEmpty()
        ? StatefulSetUpdateStrategy.ROLLING_UPDATE.equals(strategy.type())
            && ordinal < start + set.status().currentReplicas()
        : ordinal < start + strategy.partition().get();
    Revision revision = atCurrent ? current : update;
    return StatefulSetPods.newPod(set, revision.template(), revision.name(), ordinal);
  }

  /** Upstream's {@code runForAll}: {@return whether a monotonic walk stopped early} */
  private boolean forEach(List<Pod> pods, java.util.function.Predicate<Pod> step) {
    for (Pod pod : pods) {
      if (step.test(pod) && monotonic) {
        return true;
      }
    }
    return false;
  }

  /** Upstream's {@code processReplica}: {@return whether the walk must stop here} */
  private boolean processReplica(Pod pod) {
    if (StatefulSetPods.hasEnded(pod)) {
      if (!StatefulSetPods.isTerminating(pod)) {
        actions.add(new PodAction(PodAction.Type.DELETE, pod));
      }
      return true; // The new pod is made once the ended one is gone.
    }
    if (!StatefulSetPods.isCreated(pod)) {
      actions.add(new PodAction(PodAction.Type.CREATE, pod));
      if (monotonic) {
        return true;
      }
    }
    if (monotonic && (StatefulSetPods.isTerminating(pod)
        || !StatefulSetPods.isRunningAndAvailable(pod, minReady, now))) {
      return true;
    }
    if (StatefulSetPods.isCreated(pod) && !StatefulSetPods.identityMatches(set, pod)) {
      actions.add(new PodAction(PodAction.Type.UPDATE, StatefulSetPods.withIdentity(pod)));
    }
    return false;
  }

  /** Upstream's {@code processCondemned}: {@return whether the walk must stop here} */
  private boolean processCondemned(Pod pod) {
    if (StatefulSetPods.isTerminating(pod)) {
      return monotonic;
    }
    boolean first = firstUnavailable.filter(f -> f == pod).isPresent();
    if (monotonic && !first && !StatefulSetPods.isRunningAndAvailable(pod, minReady, now)) {
      return true;
    }
    actions.add(new PodAction(PodAction.Type.DELETE, pod));
    return true;
  }

  /** The tail of upstream's {@code updateStatefulSet}: one replacement per sync, top down. */
  private void rollingUpdate() {
    int partition = set.spec().updateStrategy().partitionOrZero();
    for (int target = replicas.length - 1; target >= partition; target--) {
      Pod pod = replicas[target];
      if (!StatefulSetPods.revision(pod).equals(update.name())
          && !StatefulSetPods.isTerminating(pod)) {
        actions.add(new PodAction(PodAction.Type.DELETE, pod));
        replacedOne = true;
        return;
      }
      if (StatefulSetPods.isUnavailable(pod, minReady, now)) {
        return;
      }
    }
  }

  /** Upstream's {@code computeReplicaStatus} over the pods seen, then completeRollingUpdate. */
  private StatefulSetStatus status() {
    int count = 0;
    int ready = 0;
    int available = 0;
    int atCurrent = 0;
    int atUpdate = 0;
    List<Pod> seen = new ArrayList<>(replicaList());
    seen.addAll(condemned);
    for (Pod pod : seen) {
      if (!StatefulSetPods.isCreated(pod)) {
        continue;
      }
      count++;
      ready += StatefulSetPods.isRunningAndReady(pod) ? 1 : 0;
      available += StatefulSetPods.isRunningAndAvailable(pod, minReady, now) ? 1 : 0;
      if (!StatefulSetPods.isTerminating(pod)) {
        atCurrent += StatefulSetPods.revision(pod).equals(current.name()) ? 1 : 0;
        atUpdate += StatefulSetPods.revision(pod).equals(update.name()) ? 1 : 0;
      }
    }
    // The rolling update's deletion counts at once, as upstream's CurrentReplicas-- does.
    atCurrent -= replacedOne ? 1 : 0;
    String currentName = current.name();
    boolean complete = !set.spec().updateStrategy().isOnDelete() && atUpdate == count
        && ready == count;
    if (complete) {
      atCurrent = atUpdate;
      currentName = update.name();
    }
    return new StatefulSetStatus(set.metadata().generation(), count, ready, atCurrent, atUpdate,
        available, currentName, update.name());
  }

  /** {@return when the next pod becomes available, if any Ready pod is not yet} */
  private Optional<Duration> recheck() {
    if (minReady.isZero()) {
      return Optional.empty();
    }
    Optional<Duration> soonest = Optional.empty();
    for (Pod pod : replicaList()) {
      Optional<Duration> wait = StatefulSetPods.availableAt(pod, minReady)
          .filter(at -> at.isAfter(now)).map(at -> Duration.between(now, at));
      if (wait.isPresent() && (soonest.isEmpty() || wait.get().compareTo(soonest.get()) < 0)) {
        soonest = wait;
      }
    }
    return soonest;
  }

  private List<Pod> replicaList() {
    return java.util.Arrays.asList(replicas);
  }
}
