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
  private ProxySnapshot synced;

  NodeProxy(String nodeName, SeededRandom random, ProxySnapshot initial) {
    this.nodeName = nodeName;
    this.random = random;
    this.synced = initial;
  }

  public String nodeName() {
    return nodeName;
  }

  /** {@return the rules this node last synced; stale while its kube-proxy lags or is down} */
  public ProxySnapshot synced() {
    return synced;
  }

  public ProxyNodeState state() {
    return state;
  }

  public SeededRandom random() {
    return random;
  }

  void sync(ProxySnapshot snapshot) {
    synced = snapshot;
  }
}
