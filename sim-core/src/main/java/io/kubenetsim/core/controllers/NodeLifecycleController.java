package io.kubenetsim.core.controllers;

import io.kubenetsim.Timing;
import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.store.Conditions;
import io.kubenetsim.core.store.ApiStore;

import io.kubenetsim.model.ConditionStatus;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodStatus;
import io.kubenetsim.model.Taint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * kube-controller-manager's node lifecycle controller and taint-based eviction. When a node's
 * kubelet falls silent, after the node-monitor grace period the node's Ready condition becomes
 * {@code Unknown}, it is tainted {@code node.kubernetes.io/unreachable} (NoSchedule and
 * NoExecute) and its pods are marked not ready; when the pods' default toleration (300 s) runs
 * out, they are deleted, and their owners replace them elsewhere. The taints go when the node
 * reports Ready again.
 *
 * <p>Simplification: heartbeats are not simulated as periodic events (so that a quiet cluster
 * settles); instead the moment a kubelet stops is reported here, and the controller acts at
 * the times its periodic checks would have.
 */
public final class NodeLifecycleController {
  private final Simulator sim;
  private final ApiStore store;
  private final Timing timing;
  private final Predicate<String> kubeletUp;

  public NodeLifecycleController(Simulator sim, ApiStore store, Timing timing,
      Predicate<String> kubeletUp) {
    this.sim = sim;
    this.store = store;
    this.timing = timing;
    this.kubeletUp = kubeletUp;
  }

  /** The kubelet of {@code nodeName} stopped posting status now. */
  public void heartbeatsStopped(String nodeName) {
    sim.schedule(timing.nodeMonitorGracePeriod(), () -> markUnknown(nodeName));
  }

  /** The kubelet of {@code nodeName} posts Ready again: lift the taints it earned. */
  public void heartbeatsResumed(String nodeName) {
    store.patch(Node.class, NamespacedName.of("", nodeName),
        n -> n.withSpec(n.spec().withTaints(n.spec().taints().stream()
            .filter(t -> !isLifecycleTaint(t)).toList())),
        "TaintRemoved", "node is reachable again");
  }

  private void markUnknown(String nodeName) {
    if (kubeletUp.test(nodeName)) {
      return;
    }
    NamespacedName key = NamespacedName.of("", nodeName);
    Optional<Node> node = store.patch(Node.class, key, n -> n.withStatus(n.status()
            .withConditions(Conditions.set(n.status().conditions(), "Ready",
                ConditionStatus.UNKNOWN, sim.clock().now(), "NodeStatusUnknown",
                "Kubelet stopped posting node status.")))
            .withSpec(n.spec().withTaints(withUnreachableTaints(n.spec().taints()))),
        "NodeNotReady", "kubelet stopped posting node status; tainted unreachable");
    if (node.isEmpty()) {
      return;
    }
    for (Pod pod : podsOn(nodeName)) {
      store.patch(Pod.class, pod.metadata().key(), p -> p.withStatus(notReady(p)),
          "NodeNotReady", "node " + nodeName + " is not ready");
    }
    sim.schedule(timing.unreachableTolerationSeconds(), () -> evict(nodeName));
  }

  private void evict(String nodeName) {
    if (kubeletUp.test(nodeName)
        || store.get(Node.class, NamespacedName.of("", nodeName)).isEmpty()) {
      return;
    }
    for (Pod pod : podsOn(nodeName)) {
      if (!pod.metadata().isTerminating()) {
        store.delete(pod.ref(), Optional.empty(), "TaintManagerEviction",
            "evicted: node " + nodeName + " unreachable for longer than the pod tolerates");
      }
    }
  }

  private List<Pod> podsOn(String nodeName) {
    return store.list(Pod.class).stream()
        .filter(p -> p.spec().nodeName().equals(nodeName)).toList();
  }

  private PodStatus notReady(Pod p) {
    PodStatus s = p.status();
    return new PodStatus(s.phase(), Conditions.set(s.conditions(), "Ready", ConditionStatus.FALSE,
        sim.clock().now(), "NodeNotReady", "Node is not ready"), s.hostIP(), s.podIP(),
        s.podIPs(), s.startTime(), s.containerStatuses(), s.reason());
  }

  private static List<Taint> withUnreachableTaints(List<Taint> taints) {
    List<Taint> out = new ArrayList<>(taints.stream().filter(t -> !isLifecycleTaint(t)).toList());
    out.add(new Taint(Taint.UNREACHABLE, "", "NoSchedule"));
    out.add(new Taint(Taint.UNREACHABLE, "", "NoExecute"));
    return out;
  }

  private static boolean isLifecycleTaint(Taint taint) {
    return taint.key().equals(Taint.UNREACHABLE) || taint.key().equals(Taint.NOT_READY);
  }

}
