package io.kubenetsim.core.controllers;

import io.kubenetsim.core.store.WorkQueue;
import io.kubenetsim.ApiException;
import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.model.Condition;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodStatus;
import io.kubenetsim.model.ReplicaSet;
import io.kubenetsim.model.WorkloadStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * kube-controller-manager's ReplicaSet controller: keeps {@code spec.replicas} active pods of
 * the template, creating pods named {@code <replicaset>-<5 random chars>} or deleting the ones
 * {@link PodRanking} puts first, and reports status counts.
 *
 * <p>Like upstream it keeps "expectations": after creating or deleting pods it waits until its
 * lagging informer has shown those changes before acting again, so a stale view never makes it
 * create pods twice.
 */
public final class ReplicaSetController {
  private final Simulator sim;
  private final ApiStore store;
  private final Informer<ReplicaSet> replicaSets;
  private final Informer<Pod> pods;
  private final WorkQueue queue;
  /** Creations and deletions in flight per ReplicaSet; looked up, never iterated. */
  private final Map<NamespacedName, Expectations> expectations = new HashMap<>();

  public ReplicaSetController(Simulator sim, ApiStore store, Informer<ReplicaSet> replicaSets,
      Informer<Pod> pods) {
    this.sim = sim;
    this.store = store;
    this.replicaSets = replicaSets;
    this.pods = pods;
    this.queue = new WorkQueue(sim, this::reconcile);
    replicaSets.addHandler(e -> queue.add(e.object().metadata().key()));
    pods.addHandler(this::onPod);
  }

  private void onPod(WatchEvent event) {
    Pod pod = (Pod) event.object();
    pod.metadata().controllerRef().filter(ref -> ref.kind().equals(ReplicaSet.KIND))
        .ifPresent(ref -> {
          NamespacedName owner = NamespacedName.of(pod.metadata().namespace(), ref.name());
          Expectations expected = expectations.get(owner);
          if (expected != null) {
            boolean wasTerminating = event.old().map(o -> o.metadata().isTerminating())
                .orElse(false);
            if (event.type() == WatchEvent.Type.ADDED) {
              expected.adds--;
            } else if (event.type() == WatchEvent.Type.DELETED && !wasTerminating
                || pod.metadata().isTerminating() && !wasTerminating) {
              expected.deletes--;
            }
          }
          queue.add(owner);
        });
  }

  private void reconcile(NamespacedName key) {
    Optional<ReplicaSet> found = replicaSets.get(key);
    if (found.isEmpty()) {
      expectations.remove(key);
      return;
    }
    ReplicaSet rs = found.get();
    List<Pod> active = pods.byIndex(OwnerIndex.NAME, rs.metadata().uid()).stream()
        .filter(p -> !p.metadata().isTerminating() && !p.status().phase().isTerminal())
        .toList();
    Expectations expected = expectations.get(key);
    if (!rs.metadata().isTerminating() && (expected == null || expected.satisfied())) {
      manageReplicas(rs, active);
    }
    updateStatus(rs, active);
  }

  private void manageReplicas(ReplicaSet rs, List<Pod> active) {
    int diff = rs.spec().replicas() - active.size();
    NamespacedName key = rs.metadata().key();
    if (diff > 0) {
      Expectations expected = new Expectations(diff, 0);
      expectations.put(key, expected);
      for (int i = 0; i < diff; i++) {
        try {
          store.create(podFromTemplate(rs), "SuccessfulCreate",
              "created by ReplicaSet " + rs.metadata().name());
        } catch (ApiException refused) {
          // A terminating namespace refuses new pods: expect no more than were made.
          expected.adds -= diff - i;
          sim.log().record("FailedCreate", rs.ref(), refused.getMessage());
          break;
        }
      }
    } else if (diff < 0) {
      List<Pod> victims = active.stream().sorted(PodRanking.DELETE_FIRST).limit(-diff).toList();
      expectations.put(key, new Expectations(0, victims.size()));
      for (Pod victim : victims) {
        if (store.get(victim.ref()).isPresent()) {
          store.delete(victim.ref(), Optional.empty(), "SuccessfulDelete",
              "scaled down by ReplicaSet " + rs.metadata().name());
        } else {
          expectations.get(key).deletes--;
        }
      }
    }
  }

  private Pod podFromTemplate(ReplicaSet rs) {
    ObjectMeta meta = ObjectMeta.named(rs.metadata().namespace(), "")
        .withGenerateName(rs.metadata().name() + "-")
        .withLabels(rs.spec().template().metadata().labels())
        .withAnnotations(rs.spec().template().metadata().annotations())
        .withOwnerReferences(List.of(OwnerIndex.controllerRef(rs)));
    return new Pod(meta, rs.spec().template().spec(), PodStatus.pending());
  }

  private void updateStatus(ReplicaSet rs, List<Pod> active) {
    Instant now = sim.clock().now();
    Duration minReady = Duration.ofSeconds(rs.spec().minReadySeconds());
    int ready = 0;
    int available = 0;
    Optional<Duration> recheck = Optional.empty();
    for (Pod pod : active) {
      Optional<Condition> readyCondition = pod.status().condition("Ready").filter(Condition::isTrue);
      if (readyCondition.isPresent()) {
        ready++;
        Instant availableAt = readyCondition.get().lastTransitionTime().plus(minReady);
        if (!availableAt.isAfter(now)) {
          available++;
        } else {
          recheck = Optional.of(Duration.between(now, availableAt));
        }
      }
    }
    WorkloadStatus status = new WorkloadStatus(rs.metadata().generation(), active.size(),
        active.size(), ready, available);
    store.patch(ReplicaSet.class, rs.metadata().key(), r -> r.withStatus(status),
        "ReplicaSetStatus", "replicas " + status.replicas() + ", ready "
            + status.readyReplicas() + "/" + rs.spec().replicas() + ", available "
            + status.availableReplicas());
    recheck.ifPresent(d -> queue.addAfter(rs.metadata().key(), d));
  }

  /** Pod creations and deletions this controller waits to see. */
  private static final class Expectations {
    int adds;
    int deletes;

    Expectations(int adds, int deletes) {
      this.adds = adds;
      this.deletes = deletes;
    }

    boolean satisfied() {
      return adds <= 0 && deletes <= 0;
    }
  }
}
