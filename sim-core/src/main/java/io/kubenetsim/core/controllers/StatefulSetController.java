package io.kubenetsim.core.controllers;

import io.kubenetsim.ApiException;
import io.kubenetsim.core.controllers.StatefulSetPlan.PodAction;
import io.kubenetsim.core.controllers.StatefulSetRevisions.Revision;
import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.core.store.WorkQueue;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.manifest.InvalidObject;
import io.kubenetsim.manifest.ValidationException;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.StatefulSet;
import io.kubenetsim.model.StatefulSetStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * kube-controller-manager's StatefulSet controller ({@code pkg/controller/statefulset}:
 * {@code StatefulSetController.sync}, {@code defaultStatefulSetControl.UpdateStatefulSet},
 * {@code StatefulPodControl}): keeps {@code spec.replicas} pods named {@code <set>-<ordinal>},
 * each with a stable hostname under the governing Service, created, replaced and removed in
 * the order {@link StatefulSetPlanner} decides, and reports status.
 *
 * <p>Steps per sync: (1) read the set and its pods (by controller reference) from the lagging
 * informers; (2) find the update revision (the template's hash) and the current one ({@link
 * StatefulSetRevisions}); (3) plan; (4) make the pod writes in order, recording upstream's
 * events ({@code SuccessfulCreate}: {@code create Pod web-0 in StatefulSet web successful}, and
 * {@code SuccessfulDelete}, {@code SuccessfulUpdate}, {@code FailedCreate}); (5) if they all
 * succeeded, write the status. Pod changes re-trigger the sync, which is what moves an ordered
 * rollout forward: web-1 is created on the sync that sees web-0 Running and Ready.
 *
 * <p>Like upstream it keeps no expectations: a pod it created but does not see yet is created
 * again and refused with AlreadyExists, which ends the sync quietly; the informer's event for
 * that pod triggers the next one. Simplifications: a failed write is not retried with back-off
 * but when the set or one of its pods next changes (a retry loop would keep the simulation from
 * settling); orphaned pods matching the selector are not adopted.
 *
 * <pre>{@code
 * new StatefulSetController(sim, store, statefulSets, pods);
 * }</pre>
 */
public final class StatefulSetController {
  private final Simulator sim;
  private final ApiStore store;
  private final Informer<StatefulSet> sets;
  private final Informer<Pod> pods;
  private final WorkQueue queue;
  private final StatefulSetRevisions revisions = new StatefulSetRevisions();

  public StatefulSetController(Simulator sim, ApiStore store, Informer<StatefulSet> sets,
      Informer<Pod> pods) {
    this.sim = sim;
    this.store = store;
    this.sets = sets;
    this.pods = pods;
    this.queue = new WorkQueue(sim, this::sync);
    sets.addHandler(this::onSet);
    pods.addHandler(this::onPod);
  }

  private void onSet(WatchEvent event) {
    if (event.type() == WatchEvent.Type.DELETED) {
      revisions.forget(event.object().metadata().uid());
    }
    queue.add(event.object().metadata().key());
  }

  private void onPod(WatchEvent event) {
    Pod pod = (Pod) event.object();
    pod.metadata().controllerRef().filter(ref -> ref.kind().equals(StatefulSet.KIND))
        .ifPresent(ref -> queue.add(NamespacedName.of(pod.metadata().namespace(), ref.name())));
  }

  private void sync(NamespacedName key) {
    Optional<StatefulSet> found = sets.get(key);
    if (found.isEmpty()) {
      return;
    }
    StatefulSet set = found.get();
    List<Pod> owned = pods.byIndex(OwnerIndex.NAME, set.metadata().uid()).stream()
        .filter(p -> StatefulSetPods.isMemberOf(set, p)).toList();
    Revision update = revisions.update(set);
    Revision current = revisions.current(set, update);
    StatefulSetPlan plan =
        StatefulSetPlanner.plan(set, owned, current, update, sim.clock().now());
    for (PodAction action : plan.actions()) {
      if (!perform(set, action)) {
        return;
      }
    }
    Set<String> live = new HashSet<>(List.of(current.name(), update.name(),
        plan.status().currentRevision(), set.status().currentRevision()));
    owned.forEach(p -> live.add(StatefulSetPods.revision(p)));
    revisions.retain(set, live);
    writeStatus(set, plan.status());
    plan.recheck().ifPresent(d -> queue.addAfter(key, d));
  }

  /** Makes one pod write. {@return whether it succeeded} */
  private boolean perform(StatefulSet set, PodAction action) {
    Pod pod = action.pod();
    String what = " Pod " + pod.metadata().name() + " in StatefulSet " + set.metadata().name();
    try {
      switch (action.type()) {
        case CREATE -> store.create(pod, "SuccessfulCreate", "create" + what + " successful");
        case DELETE -> store.delete(pod.ref(), Optional.empty(), "SuccessfulDelete",
            "delete" + what + " successful");
        case UPDATE -> store.patch(Pod.class, pod.metadata().key(),
            p -> p.withMetadata(p.metadata().withLabels(pod.metadata().labels())),
            "SuccessfulUpdate", "update" + what + " successful");
        default -> throw new AssertionError("unknown pod action " + action.type());
      }
      return true;
    } catch (ApiException refused) {
      // A pod created already but not seen yet, or deleted already, is refused quietly, as
      // upstream sinks AlreadyExists; other refusals become upstream's Failed* events.
      boolean stale = action.type() == PodAction.Type.CREATE
          ? refused.reason() == ApiException.Reason.ALREADY_EXISTS
          : refused.reason() == ApiException.Reason.NOT_FOUND;
      if (!stale) {
        String verb = action.type().name().toLowerCase(Locale.ROOT);
        sim.log().record("Failed" + verb.substring(0, 1).toUpperCase(Locale.ROOT)
            + verb.substring(1), set.ref(), verb + what + " failed error: "
            + statusMessage(refused));
      }
      return false;
    }
  }

  /**
   * {@return the refusal as the API's status message reads to a client: {@code Pod "web-0" is
   * invalid: [e1, e2]}, without kubectl's "The" and namespace}
   */
  private static String statusMessage(ApiException refused) {
    if (!(refused instanceof ValidationException invalid)) {
      return refused.getMessage();
    }
    InvalidObject object = invalid.objects().get(0);
    List<String> errors = object.errors().stream().map(FieldError::toString).toList();
    return object.kind() + " \"" + object.name() + "\" is invalid: "
        + (errors.size() == 1 ? errors.get(0) : "[" + String.join(", ", errors) + "]");
  }

  private void writeStatus(StatefulSet set, StatefulSetStatus status) {
    store.patch(StatefulSet.class, set.metadata().key(), s -> s.withStatus(status),
        "StatefulSetStatus", "replicas " + status.replicas() + ", ready "
            + status.readyReplicas() + "/" + set.spec().replicas() + ", current "
            + status.currentReplicas() + ", updated " + status.updatedReplicas()
            + ", revision " + status.updateRevision());
  }
}
