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
  /** One node's live count, which a scheduling pass reads without looking the node up. */
  static final class Count {
    private int bound;
    private int assumed;

    /** {@return the pods on the node now, assumed ones included} */
    int pods() {
      return bound + assumed;
    }
  }

  private final Map<NamespacedName, Count> counted = new HashMap<>();
  /** Looked up, never iterated; a node's entry stays, so a {@link Count} once handed out lives. */
  private final Map<String, Count> counts = new HashMap<>();

  /** {@return the pods on a node now, assumed ones included} */
  int pods(String node) {
    Count count = counts.get(node);
    return count == null ? 0 : count.pods();
  }

  /** {@return the node's live count, which follows every later event} */
  Count of(String node) {
    return counts.computeIfAbsent(node, name -> new Count());
  }

  /** Counts ({@code +1}) or uncounts ({@code -1}) a binding not yet seen through the informer. */
  void assume(String node, int delta) {
    of(node).assumed += delta;
  }

  /** Takes one pod event from the scheduler's pod informer. */
  void onPod(WatchEvent event) {
    Pod pod = (Pod) event.object();
    NamespacedName key = pod.metadata().key();
    Count was = counted.remove(key);
    if (was != null) {
      was.bound--;
    }
    boolean holds = event.type() != WatchEvent.Type.DELETED && !pod.spec().nodeName().isEmpty()
        && !pod.status().phase().isTerminal();
    if (holds) {
      Count now = of(pod.spec().nodeName());
      now.bound++;
      counted.put(key, now);
    }
  }
}
