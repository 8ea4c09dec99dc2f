package io.kubenetsim.core.scheduler;

import io.kubenetsim.Timing;
import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.Conditions;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.core.store.WorkQueue;
import io.kubenetsim.model.ConditionStatus;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.Pod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * kube-scheduler, reduced to what placement of pods needs: filter nodes (Ready, schedulable,
 * no untolerated NoSchedule taint, room under {@code capacity.pods}, free host ports) — in a
 * cluster of 100 nodes or more only until upstream's adaptive share of feasible nodes is found,
 * starting where the last pass stopped ({@code percentageOfNodesToScore}) — score by fewest
 * pods, break ties with the seeded random source (upstream picks among equal scores at
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
  /** Where the next pass starts checking nodes (upstream's {@code nextStartNodeIndex}). */
  private int nextStartNodeIndex;
  private static final int MIN_FEASIBLE_NODES_TO_FIND = 100;
  private static final int MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;
  private final TreeSet<NamespacedName> unschedulable = new TreeSet<>();
  private final Map<NamespacedName, String> lastFailure = new HashMap<>();
  /** The informer's nodes in name order, built once per node event, not once per pod. */
  private NodeTable table;

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
    nodes.addHandler(event -> {
      table = null;
      retryUnschedulable();
    });
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
    if (table == null) {
      table = new NodeTable(nodes.list(), load);
    }
    NodeFit fit = new NodeFit(pod.get(), table, load, node -> pods.byIndex(NODE_INDEX, node));
    int[] feasible = findFeasible(table, fit);
    if (feasible.length == 0) {
      markUnschedulable(pod.get(), fit.failureMessage(table.size()));
      return;
    }
    bind(pod.get(), table.name(pickLeastLoaded(table, feasible)));
  }

  /**
   * Upstream's {@code findNodesThatPassFilters}: the nodes are checked in turn from where the
   * last pass stopped ({@code nextStartNodeIndex}), and the search stops once {@link
   * #numFeasibleNodesToFind} nodes fit, so in a large cluster each pod looks at a share of the
   * nodes and successive pods at different shares. The nodes found are returned in name order,
   * so which one wins a tie does not depend on where the pass started.
   */
  private int[] findFeasible(NodeTable all, NodeFit fit) {
    int size = all.size();
    if (size == 0) {
      return new int[0];
    }
    int toFind = numFeasibleNodesToFind(size);
    int start = nextStartNodeIndex % size;
    int[] found = new int[toFind];
    int count = 0;
    int index = start;
    int checked = 0;
    while (checked < size && count < toFind) {
      if (fit.fits(index)) {
        found[count++] = index;
      }
      checked++;
      index = index + 1 == size ? 0 : index + 1;
    }
    nextStartNodeIndex = index;
    // Found in turn from start, wrapping: the wrapped part (indexes below start) comes first.
    int wrapped = 0;
    while (wrapped < count && found[count - 1 - wrapped] < start) {
      wrapped++;
    }
    int[] byName = new int[count];
    System.arraycopy(found, count - wrapped, byName, 0, wrapped);
    System.arraycopy(found, 0, byName, wrapped, count - wrapped);
    return byName;
  }

  /**
   * Upstream's {@code numFeasibleNodesToFind} with the default {@code percentageOfNodesToScore}
   * (0, adaptive): every node below 100 nodes; above, {@code 50 - nodes/125} percent of them,
   * at least 5 percent and at least 100 nodes.
   */
  static int numFeasibleNodesToFind(int allNodes) {
    if (allNodes < MIN_FEASIBLE_NODES_TO_FIND) {
      return allNodes;
    }
    int percentage = Math.max(50 - allNodes / 125, MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND);
    return Math.max(allNodes * percentage / 100, MIN_FEASIBLE_NODES_TO_FIND);
  }

  /**
   * The least-loaded feasible node, a tie broken by one seeded draw among the tied nodes in name
   * order. Two passes, minimum then the drawn tie, rather than a list of ties: in a balanced
   * cluster nearly every feasible node ties.
   */
  private int pickLeastLoaded(NodeTable all, int[] feasible) {
    int best = Integer.MAX_VALUE;
    int ties = 0;
    for (int node : feasible) {
      int load = this.load.podsInSlot(all.slot(node));
      if (load < best) {
        best = load;
        ties = 0;
      }
      if (load == best) {
        ties++;
      }
    }
    int pick = random.nextInt(ties);
    for (int node : feasible) {
      if (this.load.podsInSlot(all.slot(node)) == best && pick-- == 0) {
        return node;
      }
    }
    throw new IllegalStateException("no feasible node has the least load " + best);
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
