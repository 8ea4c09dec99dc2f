package io.kubenetsim.core.scheduler;

import io.kubenetsim.Timing;
import io.kubenetsim.core.store.WorkQueue;
import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.store.Conditions;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.model.ConditionStatus;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.Pod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * kube-scheduler, reduced to what placement of pods needs: filter nodes (Ready, schedulable,
 * no untolerated NoSchedule taint, room under {@code capacity.pods}, free host ports), score by
 * fewest pods, break ties with the seeded random source (upstream picks among equal scores at
 * random), then bind. Pods that fit nowhere stay Pending with {@code PodScheduled=False} and
 * are retried when a node or a pod changes, as the scheduling queue's event-driven retries do.
 *
 * <p>Simplification: no affinity, topology spread or resource requests; capacity is the pod
 * count. Bindings the informer has not shown yet are "assumed", as the scheduler cache does,
 * so a lagging view never overfills a node.
 */
public final class Scheduler {
  private final Simulator sim;
  private final ApiStore store;
  private final Informer<Pod> pods;
  private final Informer<Node> nodes;
  private final SeededRandom random;
  private final WorkQueue queue;
  private final Map<NamespacedName, String> assumed = new HashMap<>();
  /** Pods per node, kept per pod event: bound, not terminated, as the informer shows them. */
  private final NodeLoad load = new NodeLoad();
  private final TreeSet<NamespacedName> unschedulable = new TreeSet<>();
  private final Map<NamespacedName, String> lastFailure = new HashMap<>();

  public Scheduler(Simulator sim, ApiStore store, Informer<Pod> pods, Informer<Node> nodes,
      Timing timing) {
    this.sim = sim;
    this.store = store;
    this.pods = pods;
    this.nodes = nodes;
    this.random = sim.random("kube-scheduler");
    this.queue = new WorkQueue(sim, this::scheduleOne);
    pods.addHandler(load::onPod);
    pods.addHandler(event -> onPod(event, timing));
    nodes.addHandler(event -> retryUnschedulable());
  }

  private void onPod(WatchEvent event, Timing timing) {
    Pod pod = (Pod) event.object();
    NamespacedName key = pod.metadata().key();
    if (event.type() == WatchEvent.Type.DELETED || pod.metadata().isTerminating()) {
      forget(key);
      unschedulable.remove(key);
      lastFailure.remove(key);
      retryUnschedulable();
      return;
    }
    if (!pod.spec().nodeName().isEmpty()) {
      forget(key);
      return;
    }
    if (!assumed.containsKey(key) && !unschedulable.contains(key)) {
      queue.addAfter(key, timing.schedulingDelay());
    }
  }

  private void retryUnschedulable() {
    List<NamespacedName> waiting = new ArrayList<>(unschedulable);
    unschedulable.clear();
    waiting.forEach(queue::add);
  }

  private void scheduleOne(NamespacedName key) {
    Optional<Pod> pod = pods.get(key);
    if (pod.isEmpty() || !pod.get().spec().nodeName().isEmpty() || assumed.containsKey(key)
        || pod.get().metadata().isTerminating()) {
      return;
    }
    NodeFit fit = new NodeFit(pod.get(), load::pods,
        node -> pods.byIndex(NODE_INDEX, node));
    List<Node> all = nodes.list();
    List<Node> feasible = new ArrayList<>();
    for (Node node : all) {
      if (fit.fits(node)) {
        feasible.add(node);
      }
    }
    if (feasible.isEmpty()) {
      markUnschedulable(pod.get(), fit.failureMessage(all.size()));
      return;
    }
    Node chosen = pickLeastLoaded(feasible);
    bind(pod.get(), chosen.metadata().name());
  }

  private Node pickLeastLoaded(List<Node> feasible) {
    int best = Integer.MAX_VALUE;
    List<Node> ties = new ArrayList<>();
    for (Node node : feasible) {
      int load = this.load.pods(node.metadata().name());
      if (load < best) {
        best = load;
        ties.clear();
      }
      if (load == best) {
        ties.add(node);
      }
    }
    return ties.get(random.nextInt(ties.size()));
  }

  private void bind(Pod pod, String nodeName) {
    NamespacedName key = pod.metadata().key();
    assume(key, nodeName);
    lastFailure.remove(key);
    Optional<Pod> bound = store.patch(Pod.class, key,
        p -> p.spec().nodeName().isEmpty() && !p.metadata().isTerminating()
            ? p.withSpec(p.spec().withNodeName(nodeName)).withStatus(withScheduled(p,
                ConditionStatus.TRUE, "", ""))
            : p,
        "Scheduled", "assigned to " + nodeName);
    if (bound.isEmpty()) {
      forget(key);
    }
  }

  private void markUnschedulable(Pod pod, String message) {
    NamespacedName key = pod.metadata().key();
    unschedulable.add(key);
    if (message.equals(lastFailure.put(key, message))) {
      return;
    }
    store.patch(Pod.class, key,
        p -> p.withStatus(withScheduled(p, ConditionStatus.FALSE, "Unschedulable", message)),
        "FailedScheduling", message);
  }

  private io.kubenetsim.model.PodStatus withScheduled(Pod p, ConditionStatus status,
      String reason, String message) {
    var s = p.status();
    return new io.kubenetsim.model.PodStatus(s.phase(),
        Conditions.set(s.conditions(), "PodScheduled", status, sim.clock().now(), reason,
            message),
        s.hostIP(), s.podIP(), s.podIPs(), s.startTime(), s.containerStatuses(), s.reason());
  }

  /** A binding the informer has not shown yet counts on its node, as the scheduler cache's. */
  private void assume(NamespacedName pod, String node) {
    assumed.put(pod, node);
    load.assume(node, 1);
  }

  private void forget(NamespacedName pod) {
    String node = assumed.remove(pod);
    if (node != null) {
      load.assume(node, -1);
    }
  }

  /** The name of the pod informer index by {@code spec.nodeName}, which the scheduler adds. */
  public static final String NODE_INDEX = "spec.nodeName";
}
