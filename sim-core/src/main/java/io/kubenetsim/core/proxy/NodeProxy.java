package io.kubenetsim.core.proxy;

import io.kubenetsim.core.engine.SeededRandom;

/**
 * One node's kube-proxy: the snapshot it last synced (shared with every other node that synced
 * the same view), its kernel state (affinity, round robin) and its own random stream.
 */
public final class NodeProxy {
  private final String nodeName;
  private final ProxyNodeState state = new ProxyNodeState();
  private final SeededRandom random;
  private final KubeProxyFleet.LatestSync latest;
  /** The rules kept while the node's kubelet is stopped; {@code null} while it follows. */
  private ProxySnapshot frozen;

  /**
   * A kube-proxy that starts with the fleet's last sync: a proxy that starts on a new node lists
   * Services and slices from the informers' cache, which holds what that sync saw.
   */
  NodeProxy(String nodeName, SeededRandom random, KubeProxyFleet.LatestSync latest) {
    this.nodeName = nodeName;
    this.random = random;
    this.latest = latest;
  }

  public String nodeName() {
    return nodeName;
  }

  /** {@return the rules this node last synced; stale while its kube-proxy lags or is down} */
  public ProxySnapshot synced() {
    return frozen != null ? frozen : latest.snapshot;
  }

  public ProxyNodeState state() {
    return state;
  }

  public SeededRandom random() {
    return random;
  }

  /** The node's kubelet stopped before a sync: it keeps these rules until it runs again. */
  void freeze(ProxySnapshot rules) {
    frozen = rules;
  }

  /** The node runs again: from this sync on it reads the fleet's rules. */
  void follow() {
    frozen = null;
  }
}
