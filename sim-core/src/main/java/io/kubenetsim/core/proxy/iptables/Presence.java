package io.kubenetsim.core.proxy.iptables;

/**
 * On which nodes a rule written for a service port exists. Under a Local traffic policy
 * kube-proxy writes some rules only on nodes that have local endpoints for the port (the
 * ClusterIP's jump to KUBE-SVL) and others only on nodes that lack them (the filter table's
 * DROP); everything else is the same on every node. Rules compiled once for all nodes keep
 * this condition, and a node's own chain holds the rules whose condition holds for it.
 */
enum Presence {
  ALWAYS,
  NEVER,
  WITH_LOCAL_ENDPOINTS,
  WITHOUT_LOCAL_ENDPOINTS;

  /** {@return the condition under which the other of a pair of alternative rules exists} */
  Presence negate() {
    return switch (this) {
      case ALWAYS -> NEVER;
      case NEVER -> ALWAYS;
      case WITH_LOCAL_ENDPOINTS -> WITHOUT_LOCAL_ENDPOINTS;
      case WITHOUT_LOCAL_ENDPOINTS -> WITH_LOCAL_ENDPOINTS;
    };
  }

  /** {@return whether the rule exists on a node that has (or lacks) local endpoints} */
  boolean holds(boolean hasLocalEndpoints) {
    return switch (this) {
      case ALWAYS -> true;
      case NEVER -> false;
      case WITH_LOCAL_ENDPOINTS -> hasLocalEndpoints;
      case WITHOUT_LOCAL_ENDPOINTS -> !hasLocalEndpoints;
    };
  }
}
