package io.kubenetsim.core.controllers;

import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.OwnerReference;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.ReplicaSet;
import java.util.Optional;

/**
 * kube-controller-manager's garbage collector, for background cascading deletion: when an
 * owner goes, the objects it controlled are deleted (a Deployment's ReplicaSets, then their
 * pods), and an object created for an owner that is already gone is deleted on sight.
 */
public final class GarbageCollector {
  private final ApiStore store;

  public GarbageCollector(ApiStore store, Informer<ReplicaSet> replicaSets, Informer<Pod> pods) {
    this.store = store;
    replicaSets.addHandler(e -> onEvent(e, replicaSets, pods));
    pods.addHandler(e -> onEvent(e, replicaSets, pods));
  }

  /** Subscribes to an owner kind that has no dependents of its own informer (Deployments). */
  public void watchOwners(Informer<? extends KubernetesObject> owners, Informer<ReplicaSet> rss,
      Informer<Pod> pods) {
    owners.addHandler(e -> onEvent(e, rss, pods));
  }

  private void onEvent(WatchEvent event, Informer<ReplicaSet> replicaSets, Informer<Pod> pods) {
    KubernetesObject object = event.object();
    if (event.type() == WatchEvent.Type.DELETED) {
      String uid = object.metadata().uid();
      replicaSets.byIndex(OwnerIndex.NAME, uid).forEach(this::collect);
      pods.byIndex(OwnerIndex.NAME, uid).forEach(this::collect);
    } else if (event.type() == WatchEvent.Type.ADDED) {
      object.metadata().controllerRef().filter(ref -> ownerGone(object, ref))
          .ifPresent(ref -> collect(object));
    }
  }

  private boolean ownerGone(KubernetesObject dependent, OwnerReference ref) {
    return store.get(ownerType(ref.kind()),
            NamespacedName.of(dependent.metadata().namespace(), ref.name()))
        .filter(owner -> owner.metadata().uid().equals(ref.uid())).isEmpty();
  }

  private static Class<? extends KubernetesObject> ownerType(String kind) {
    return switch (kind) {
      case "ReplicaSet" -> ReplicaSet.class;
      case "Deployment" -> io.kubenetsim.model.Deployment.class;
      default -> throw new IllegalStateException("no owner kind " + kind + " is simulated");
    };
  }

  private void collect(KubernetesObject dependent) {
    if (store.get(dependent.ref()).filter(o -> o.metadata().uid()
        .equals(dependent.metadata().uid())).isPresent()) {
      store.delete(dependent.ref(), Optional.empty(), "GarbageCollected",
          "its owner was deleted");
    }
  }
}
