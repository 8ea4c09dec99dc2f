package io.kubenetsim.core.controllers;

import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.Pod;
import java.time.Duration;
import java.util.Optional;

/**
 * kube-controller-manager's pod garbage collector, orphan part: pods bound to a node that no
 * longer exists are force-deleted, after upstream's 40-second quarantine in which the node
 * could still reappear.
 */
public final class PodGarbageCollector {
  /** Upstream's {@code quarantineTime}. */
  static final Duration QUARANTINE = Duration.ofSeconds(40);

  private final Simulator sim;
  private final ApiStore store;

  public PodGarbageCollector(Simulator sim, ApiStore store, Informer<Node> nodes,
      Informer<Pod> pods) {
    this.sim = sim;
    this.store = store;
    nodes.addHandler(e -> {
      if (e.type() == WatchEvent.Type.DELETED) {
        String node = e.object().metadata().name();
        sim.schedule(QUARANTINE, () -> collectOrphansOf(node));
      }
    });
    pods.addHandler(e -> {
      Pod pod = (Pod) e.object();
      String node = pod.spec().nodeName();
      if (e.type() == WatchEvent.Type.ADDED && !node.isEmpty()
          && nodes.get(NamespacedName.of("", node)).isEmpty()) {
        sim.schedule(QUARANTINE, () -> collectOrphansOf(node));
      }
    });
  }

  private void collectOrphansOf(String nodeName) {
    if (store.get(Node.class, NamespacedName.of("", nodeName)).isPresent()) {
      return;
    }
    for (Pod pod : store.list(Pod.class)) {
      if (pod.spec().nodeName().equals(nodeName)) {
        store.delete(pod.ref(), Optional.of(0L), "PodGCOrphaned",
            "node " + nodeName + " no longer exists");
      }
    }
  }
}
