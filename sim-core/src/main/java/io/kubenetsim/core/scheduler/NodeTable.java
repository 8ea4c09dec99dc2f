package io.kubenetsim.core.scheduler;

import io.kubenetsim.model.Node;
import java.util.List;

/**
 * The nodes as a scheduling pass reads them, in name order and by column: why no pod fits a
 * node whatever the pod ({@link NodeFit#nodeRejection}), its pod capacity and its load slot.
 * Built once per node event; a pass checks hundreds of nodes against contiguous arrays instead
 * of following references per node, which matters because every pass starts with cold caches.
 */
final class NodeTable {
  private final List<Node> nodes;
  private final String[] rejection;
  private final boolean[] open;
  private final int[] capacity;
  private final int[] slot;

  NodeTable(List<Node> nodes, NodeLoad load) {
    this.nodes = List.copyOf(nodes);
    int n = this.nodes.size();
    this.rejection = new String[n];
    this.open = new boolean[n];
    this.capacity = new int[n];
    this.slot = new int[n];
    for (int i = 0; i < n; i++) {
      Node node = this.nodes.get(i);
      rejection[i] = NodeFit.nodeRejection(node);
      open[i] = rejection[i].isEmpty();
      capacity[i] = node.status().podCapacity();
      slot[i] = load.slot(node.metadata().name());
    }
  }

  int size() {
    return nodes.size();
  }

  String name(int i) {
    return nodes.get(i).metadata().name();
  }

  /** {@return why no pod fits node {@code i}, {@code ""} when pods may} */
  String rejection(int i) {
    return rejection[i];
  }

  boolean open(int i) {
    return open[i];
  }

  int capacity(int i) {
    return capacity[i];
  }

  int slot(int i) {
    return slot[i];
  }
}
