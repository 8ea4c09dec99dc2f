package io.kubenetsim.core.scheduler;

import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Pod;
import java.util.HashMap;
import java.util.Map;

/**
 * How many pods each node holds, kept per pod event rather than counted per scheduling pass (a
 * count over every node's pods for every pod would make a bulk create quadratic): the pods the
 * informer shows bound to the node and not terminated, plus the bindings the scheduler has made
 * but the informer not yet shown (the scheduler cache's assumed pods).
 */
final class NodeLoad {
  private final Map<NamespacedName, String> counted = new HashMap<>();
  private final Map<String, Integer> bound = new HashMap<>();
  private final Map<String, Integer> assumed = new HashMap<>();

  /** {@return the pods on a node now, assumed ones included} */
  int pods(String node) {
    return bound.getOrDefault(node, 0) + assumed.getOrDefault(node, 0);
  }

  /** Counts ({@code +1}) or uncounts ({@code -1}) a binding not yet seen through the informer. */
  void assume(String node, int delta) {
    add(assumed, node, delta);
  }

  /** Takes one pod event from the scheduler's pod informer. */
  void onPod(WatchEvent event) {
    Pod pod = (Pod) event.object();
    NamespacedName key = pod.metadata().key();
    String was = counted.remove(key);
    if (was != null) {
      add(bound, was, -1);
    }
    boolean holds = event.type() != WatchEvent.Type.DELETED && !pod.spec().nodeName().isEmpty()
        && !pod.status().phase().isTerminal();
    if (holds) {
      counted.put(key, pod.spec().nodeName());
      add(bound, pod.spec().nodeName(), 1);
    }
  }

  private static void add(Map<String, Integer> counts, String node, int delta) {
    int now = counts.getOrDefault(node, 0) + delta;
    if (now == 0) {
      counts.remove(node);
    } else {
      counts.put(node, now);
    }
  }
}
