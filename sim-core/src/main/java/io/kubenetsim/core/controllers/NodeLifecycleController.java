package io.kubenetsim.core.controllers;

import io.kubenetsim.Timing;
import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.Conditions;
import io.kubenetsim.model.Condition;
import io.kubenetsim.model.ConditionStatus;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodStatus;
import io.kubenetsim.model.Taint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * kube-controller-manager's node lifecycle controller and taint-based eviction. When a node's
 * kubelet falls silent, after the node-monitor grace period the node's Ready condition becomes
 * {@code Unknown}, it is tainted {@code node.kubernetes.io/unreachable} (NoSchedule and
 * NoExecute) and its pods are marked not ready ({@link #markPodNotReady}, upstream's {@code
 * MarkPodsNotReady}); when the pods' default toleration (300 s) runs out, they are deleted, and
 * their owners replace them elsewhere. The taints go when the node reports Ready again; the
 * pods' Ready condition is the kubelet's to restore.
 *
 * <p>Each outage of a node is numbered: a check scheduled during one outage does nothing once
 * the node has recovered, even if it fails again, so a second failure gets its own full grace
 * period and toleration. Pods are found through the pod informer's node index, never by a scan.
 *
 * <p>Simplification: heartbeats are not simulated as periodic events (so that a quiet cluster
 * settles); instead the moment a kubelet stops is reported here, and the controller acts at
 * the times its periodic checks would have. Pods bound to a node after it was marked (upstream's
 * {@code processPod}) are not re-marked: a silent kubelet never reports them Ready to begin
 * with.
 */
public final class NodeLifecycleController {
  private final Simulator sim;
  private final ApiStore store;
  private final Timing timing;
  private final Predicate<String> kubeletUp;
  private final Function<String, List<Pod>> podsOnNode;
  /** Per node name, the number of its latest outage (or recovery); for lookup only. */
  private final Map<String, Long> outages = new HashMap<>();

  /**
   * @param kubeletUp whether a node's kubelet is running
   * @param podsOnNode the pods bound to a node, as the pod informer's node index lists them
   */
  public NodeLifecycleController(Simulator sim, ApiStore store, Timing timing,
      Predicate<String> kubeletUp, Function<String, List<Pod>> podsOnNode) {
    this.sim = sim;
    this.store = store;
    this.timing = timing;
    this.kubeletUp = kubeletUp;
    this.podsOnNode = podsOnNode;
  }

  /** The kubelet of {@code nodeName} stopped posting status now. */
  public void heartbeatsStopped(String nodeName) {
    long outage = outages.merge(nodeName, 1L, Long::sum);
    sim.schedule(timing.nodeMonitorGracePeriod(), () -> markUnknown(nodeName, outage));
  }

  /** The kubelet of {@code nodeName} posts Ready again: lift the taints it earned. */
  public void heartbeatsResumed(String nodeName) {
    outages.merge(nodeName, 1L, Long::sum);
    store.patch(Node.class, NamespacedName.of("", nodeName),
        n -> n.withSpec(n.spec().withTaints(n.spec().taints().stream()
            .filter(t -> !isLifecycleTaint(t)).toList())),
        "TaintRemoved", "node is reachable again");
  }

  /** {@return whether the node is still silent in the same outage} */
  private boolean stillDown(String nodeName, long outage) {
    return outages.getOrDefault(nodeName, 0L) == outage && !kubeletUp.test(nodeName);
  }

  private void markUnknown(String nodeName, long outage) {
    if (!stillDown(nodeName, outage)) {
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
    Instant now = sim.clock().now();
    for (Pod pod : podsOnNode.apply(nodeName)) {
      store.patch(Pod.class, pod.metadata().key(), p -> markPodNotReady(p, nodeName, now),
          "NodeNotReady", "node " + nodeName + " is not ready");
    }
    sim.schedule(timing.unreachableTolerationSeconds(), () -> evict(nodeName, outage));
  }

  /**
   * {@return the pod as upstream's {@code MarkPodsNotReady} leaves it}: on this node and with a
   * Ready condition that is not False, that condition's status becomes False through {@code
   * UpdatePodCondition} (reason and message kept, lastTransitionTime now); every other pod is
   * returned unchanged, which the store treats as no write (and so no event), as upstream skips
   * the update. Container statuses are never touched, which is why kubectl's READY column still
   * counts the containers as ready.
   */
  static Pod markPodNotReady(Pod pod, String nodeName, Instant now) {
    Optional<Condition> ready = pod.status().condition("Ready");
    if (!pod.spec().nodeName().equals(nodeName) || ready.isEmpty()
        || ready.get().status() == ConditionStatus.FALSE) {
      return pod;
    }
    PodStatus s = pod.status();
    return pod.withStatus(new PodStatus(s.phase(), Conditions.set(s.conditions(), "Ready",
        ConditionStatus.FALSE, now, ready.get().reason(), ready.get().message()), s.hostIP(),
        s.podIP(), s.podIPs(), s.startTime(), s.containerStatuses(), s.reason()));
  }

  private void evict(String nodeName, long outage) {
    if (!stillDown(nodeName, outage)
        || store.get(Node.class, NamespacedName.of("", nodeName)).isEmpty()) {
      return;
    }
    for (Pod cached : podsOnNode.apply(nodeName)) {
      // The informer may lag: act on the stored pod, if it is still there and not going.
      Optional<Pod> pod = store.get(Pod.class, cached.metadata().key());
      if (pod.isPresent() && !pod.get().metadata().isTerminating()) {
        store.delete(pod.get().ref(), Optional.empty(), "TaintManagerEviction",
            "evicted: node " + nodeName + " unreachable for longer than the pod tolerates");
      }
    }
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
