package io.kubenetsim.core.scheduler;

import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Pod;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * How many pods each node holds, kept per pod event rather than counted per scheduling pass (a
 * count over every node's pods for every pod would make a bulk create quadratic): the pods the
 * informer shows bound to the node and not terminated, plus the bindings the scheduler has made
 * but the informer not yet shown (the scheduler cache's assumed pods).
 *
 * <p>Each node name gets a slot for good, and the counts live in one array by slot, so a pass
 * over hundreds of nodes reads them from contiguous memory.
 */
final class NodeLoad {
  /** Looked up, never iterated. */
  private final Map<NamespacedName, Integer> counted = new HashMap<>();
  /** Looked up, never iterated. */
  private final Map<String, Integer> slots = new HashMap<>();
  private int[] pods = new int[64];

  /** {@return the pods on a node now, assumed ones included} */
  int pods(String node) {
    Integer slot = slots.get(node);
    return slot == null ? 0 : pods[slot];
  }

  /** {@return the pods in a slot now, assumed ones included} */
  int podsInSlot(int slot) {
    return pods[slot];
  }

  /** {@return the node's slot, assigned on first sight and kept} */
  int slot(String node) {
    Integer slot = slots.get(node);
    if (slot == null) {
      slot = slots.size();
      slots.put(node, slot);
      if (slot == pods.length) {
        pods = Arrays.copyOf(pods, pods.length * 2);
      }
    }
    return slot;
  }

  /** Counts ({@code +1}) or uncounts ({@code -1}) a binding not yet seen through the informer. */
  void assume(String node, int delta) {
    pods[slot(node)] += delta;
  }

  /** Takes one pod event from the scheduler's pod informer. */
  void onPod(WatchEvent event) {
    Pod pod = (Pod) event.object();
    NamespacedName key = pod.metadata().key();
    Integer was = counted.remove(key);
    if (was != null) {
      pods[was]--;
    }
    boolean holds = event.type() != WatchEvent.Type.DELETED && !pod.spec().nodeName().isEmpty()
        && !pod.status().phase().isTerminal();
    if (holds) {
      int now = slot(pod.spec().nodeName());
      pods[now]++;
      counted.put(key, now);
    }
  }
}
