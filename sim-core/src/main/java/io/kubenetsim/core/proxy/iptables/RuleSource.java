package io.kubenetsim.core.proxy.iptables;

import io.kubenetsim.core.proxy.NodeContext;
import java.util.List;

/**
 * Where {@link IptablesTracer} finds the chains a walk enters: a snapshot's rules shared by all
 * nodes ({@link SnapshotRules}), or one node's whole rule set ({@link IptablesRules}).
 */
interface RuleSource {

  /**
   * {@return the chain as the node has it, in parts walked one after the other as one chain
   * (KUBE-SERVICES: the shared rules, then the node's NodePort jumps), or null when the table
   * has no such chain}
   *
   * @param table {@code nat} or {@code filter}
   */
  List<RuleChain> chain(String table, String name, NodeContext node);

  /** {@return a service port's own chains as the node has them, by the port's index} */
  PortChainSet portChains(int port, NodeContext node);
}
