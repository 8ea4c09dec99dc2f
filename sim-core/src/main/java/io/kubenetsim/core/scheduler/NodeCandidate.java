package io.kubenetsim.core.scheduler;

import io.kubenetsim.model.Node;

/**
 * One node as a scheduling pass sees it: the node object, why no pod fits it whatever the pod
 * ({@link NodeFit#nodeRejection}, {@code ""} when pods may), its pod capacity and its live pod
 * count. Built once per node event, so a pass over hundreds of nodes looks nothing up and
 * reads two objects per node.
 */
record NodeCandidate(Node node, String rejection, boolean open, int capacity,
    NodeLoad.Count load) {
  static NodeCandidate of(Node node, NodeLoad loads) {
    String rejection = NodeFit.nodeRejection(node);
    return new NodeCandidate(node, rejection, rejection.isEmpty(), node.status().podCapacity(),
        loads.of(node.metadata().name()));
  }

  String name() {
    return node.metadata().name();
  }
}
