package io.kubenetsim.core.kubelet;

import io.kubenetsim.Timing;
import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.Pod;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The kubelets of all nodes, fed by one shared pod watch and one node watch and routed by
 * {@code spec.nodeName}, so each kubelet hears only of its own pods at O(1) cost however many
 * nodes there are. A kubelet exists from its Node's registration until the Node is deleted.
 */
public final class NodeAgents {
  private final Simulator sim;
  private final ApiStore store;
  private final Timing timing;
  private final PodDns dns;
  private final Map<String, Kubelet> kubelets = new HashMap<>();
  /** The nodes whose kubelet has failed and not recovered, by name. */
  private final TreeSet<String> stopped = new TreeSet<>();

  /** @param dns how every kubelet writes a pod's resolv.conf (its flags are the cluster's) */
  public NodeAgents(Simulator sim, ApiStore store, Timing timing, PodDns dns,
      Informer<Node> nodes, Informer<Pod> pods) {
    this.sim = sim;
    this.store = store;
    this.timing = timing;
    this.dns = dns;
    nodes.addHandler(this::onNode);
    pods.addHandler(this::onPod);
  }

  /** {@return the kubelet of a node, while its Node exists} */
  public Optional<Kubelet> kubelet(String nodeName) {
    return Optional.ofNullable(kubelets.get(nodeName));
  }

  /**
   * {@return the nodes whose kubelet exists but has failed, by name}: a live view, so a reader
   * that must skip stopped nodes costs the stopped ones, not the cluster
   */
  public SortedSet<String> stopped() {
    return Collections.unmodifiableSortedSet(stopped);
  }

  /** Stops a node's running kubelet; {@return whether it was running} */
  public boolean fail(String nodeName) {
    Kubelet kubelet = kubelets.get(nodeName);
    if (kubelet == null || !kubelet.isUp()) {
      return false;
    }
    kubelet.fail();
    stopped.add(nodeName);
    return true;
  }

  /** Restarts a node's stopped kubelet, which catches up with its bound pods. */
  public boolean recover(String nodeName, Supplier<? extends Iterable<Pod>> boundPods) {
    Kubelet kubelet = kubelets.get(nodeName);
    if (kubelet == null || kubelet.isUp()) {
      return false;
    }
    stopped.remove(nodeName);
    kubelet.recover(boundPods.get());
    return true;
  }

  /** {@return whether the node's kubelet is running (it exists and has not failed)} */
  public boolean isUp(String nodeName) {
    Kubelet kubelet = kubelets.get(nodeName);
    return kubelet != null && kubelet.isUp();
  }

  private void onNode(WatchEvent event) {
    Node node = (Node) event.object();
    String name = node.metadata().name();
    if (event.type() == WatchEvent.Type.DELETED) {
      Kubelet gone = kubelets.remove(name);
      stopped.remove(name);
      if (gone != null) {
        gone.fail();
      }
      return;
    }
    kubelets.computeIfAbsent(name, n -> new Kubelet(n, sim, store, timing, dns)).onNode(node);
  }

  private void onPod(WatchEvent event) {
    Pod pod = (Pod) event.object();
    String node = pod.spec().nodeName();
    if (node.isEmpty()) {
      return;
    }
    Kubelet kubelet = kubelets.get(node);
    if (kubelet != null) {
      kubelet.onPod(pod, event.type() == WatchEvent.Type.DELETED);
    }
  }
}
