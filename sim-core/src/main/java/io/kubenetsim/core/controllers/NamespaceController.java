package io.kubenetsim.core.controllers;

import io.kubenetsim.core.store.WorkQueue;
import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.model.ConfigMap;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.ReplicaSet;
import io.kubenetsim.model.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * kube-controller-manager's namespace controller: a Namespace being deleted ({@code phase:
 * Terminating}) has its contents (Deployments, ReplicaSets, StatefulSets, ConfigMaps, pods)
 * deleted, and is removed once nothing is left in it — pods go only when their kubelets
 * confirm, so a namespace lingers for its pods' grace periods.
 */
public final class NamespaceController {
  private final ApiStore store;
  private final WorkQueue queue;

  public NamespaceController(Simulator sim, ApiStore store, Informer<Namespace> namespaces,
      Informer<Pod> pods) {
    this.store = store;
    this.queue = new WorkQueue(sim, this::reconcile);
    namespaces.addHandler(e -> {
      if (((Namespace) e.object()).phase().equals("Terminating")) {
        queue.add(e.object().metadata().key());
      }
    });
    pods.addHandler(e -> {
      String namespace = e.object().metadata().namespace();
      if (!store.namespaceActive(namespace)) {
        queue.add(NamespacedName.of("", namespace));
      }
    });
  }

  private void reconcile(NamespacedName key) {
    Optional<Namespace> namespace = store.get(Namespace.class, key);
    if (namespace.isEmpty() || !namespace.get().phase().equals("Terminating")) {
      return;
    }
    List<KubernetesObject> contents = new ArrayList<>();
    contents.addAll(store.list(Deployment.class, key.name()));
    contents.addAll(store.list(ReplicaSet.class, key.name()));
    contents.addAll(store.list(StatefulSet.class, key.name()));
    contents.addAll(store.list(ConfigMap.class, key.name()));
    contents.addAll(store.list(Pod.class, key.name()));
    if (contents.isEmpty()) {
      store.remove(namespace.get().ref(), "NamespaceDeleted", "empty; finalized");
      return;
    }
    for (KubernetesObject object : contents) {
      if (!object.metadata().isTerminating()) {
        store.delete(object.ref(), Optional.empty(), "NamespaceDeletion",
            "namespace " + key.name() + " is being deleted");
      }
    }
    // Most kinds go at once; only running pods wait for their kubelets. With none of those
    // there is no later event to come back on, so finish now, as upstream's recheck would.
    if (contents.stream().allMatch(o -> store.get(o.ref()).isEmpty())) {
      store.remove(namespace.get().ref(), "NamespaceDeleted", "empty; finalized");
    }
  }
}
