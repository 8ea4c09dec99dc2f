package io.kubenetsim.core.scheduler;

import io.kubenetsim.model.Node;

/**
 * One node as a scheduling pass sees it: the node object, why no pod fits it whatever the pod
 * ({@link NodeFit#nodeRejection}, {@code ""} when pods may), and its live pod count. Built once
 * per node event, so a pass over hundreds of nodes looks nothing up.
 */
record NodeCandidate(Node node, String rejection, NodeLoad.Count load) {
  static NodeCandidate of(Node node, NodeLoad loads) {
    return new NodeCandidate(node, NodeFit.nodeRejection(node), loads.of(node.metadata().name()));
  }

  String name() {
    return node.metadata().name();
  }
}
