package io.kubenetsim.core.controllers;

import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.core.store.Kinds;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.model.KubernetesObject;

import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.OwnerReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * kube-controller-manager's garbage collector, for background cascading deletion: when an
 * owner goes, the objects it controlled are deleted (a Deployment's ReplicaSets, then their
 * pods; a StatefulSet's pods; a Service's EndpointSlices), and an object created for an owner
 * that is already gone is
 * deleted on sight. Dependents are found through their informers' owner index.
 */
public final class GarbageCollector {
  private final ApiStore store;
  private final List<Informer<?>> dependents = new ArrayList<>();

  public GarbageCollector(ApiStore store) {
    this.store = store;
  }

  /** Collects objects of this informer's kind when their controlling owner goes. */
  public void watchDependents(Informer<? extends KubernetesObject> informer) {
    dependents.add(informer);
    informer.addHandler(this::onEvent);
  }

  /** Watches an owner kind for deletions. */
  public void watchOwners(Informer<? extends KubernetesObject> owners) {
    owners.addHandler(this::onEvent);
  }

  private void onEvent(WatchEvent event) {
    KubernetesObject object = event.object();
    if (event.type() == WatchEvent.Type.DELETED) {
      for (Informer<?> informer : dependents) {
        informer.byIndex(OwnerIndex.NAME, object.metadata().uid()).forEach(this::collect);
      }
    } else if (event.type() == WatchEvent.Type.ADDED) {
      object.metadata().controllerRef().filter(ref -> ownerGone(object, ref))
          .ifPresent(ref -> collect(object));
    }
  }

  private boolean ownerGone(KubernetesObject dependent, OwnerReference ref) {
    ObjectRef owner = new ObjectRef(ref.kind(), Kinds.isNamespaced(ref.kind())
        ? dependent.metadata().namespace() : "", ref.name());
    return store.get(owner).filter(o -> o.metadata().uid().equals(ref.uid())).isEmpty();
  }

  private void collect(KubernetesObject dependent) {
    if (store.get(dependent.ref()).filter(o -> o.metadata().uid()
        .equals(dependent.metadata().uid())).isPresent()) {
      store.delete(dependent.ref(), Optional.empty(), "GarbageCollected",
          "its owner was deleted");
    }
  }

}
