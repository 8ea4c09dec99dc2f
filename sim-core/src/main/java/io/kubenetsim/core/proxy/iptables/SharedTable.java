package io.kubenetsim.core.proxy.iptables;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table ({@code nat} or {@code filter}) of the chains every node has: the built-in chains,
 * kube-proxy's fixed chains and the chains all service ports share, with each rule's {@link
 * Presence} and service port. Compiled once per snapshot; immutable; iterates in creation order
 * (built-in chains first), which is the order a node's own {@link Table} is created in.
 */
final class SharedTable {
  private final String name;
  private final ImmutableList<String> builtins;
  private final ImmutableMap<String, RuleChain> chains;

  private SharedTable(String name, ImmutableList<String> builtins,
      ImmutableMap<String, RuleChain> chains) {
    this.name = name;
    this.builtins = builtins;
    this.chains = chains;
  }

  /** {@return the table's name} */
  String name() {
    return name;
  }

  /** {@return the chain, or null when the table has none by that name} */
  RuleChain chain(String chainName) {
    return chains.get(chainName);
  }

  /** {@return the chains in creation order} */
  ImmutableList<RuleChain> chains() {
    return chains.values().asList();
  }

  /** {@return a builder for one node's copy of this table, holding the rules the node has} */
  Table.Builder forNode(String nodeName) {
    Table.Builder table = new Table.Builder(name, builtins);
    for (RuleChain chain : chains.values()) {
      table.declare(chain.name());
      ChainPresence.NodeRules node = chain.presenceFor(nodeName);
      for (int i = 0; i < chain.size(); i++) {
        if (chain.present(i, node)) {
          table.append(chain.rule(i));
        }
      }
    }
    return table;
  }

  /** Collects chains and rules in writing order, as {@link Table.Builder} does. */
  static final class Builder {
    private final String name;
    private final ImmutableList<String> builtins;
    private final Map<String, List<Rule>> rules = new LinkedHashMap<>();
    private final Map<String, List<Presence>> presences = new LinkedHashMap<>();
    private final Map<String, List<Integer>> ports = new LinkedHashMap<>();

    Builder(String name, List<String> builtinChains) {
      this.name = name;
      this.builtins = ImmutableList.copyOf(builtinChains);
      builtinChains.forEach(this::declare);
    }

    Builder declare(String chain) {
      rules.putIfAbsent(chain, new ArrayList<>());
      presences.putIfAbsent(chain, new ArrayList<>());
      ports.putIfAbsent(chain, new ArrayList<>());
      return this;
    }

    /** Appends a rule every node has, written for no service port. */
    Builder append(Rule rule) {
      return append(rule, Presence.ALWAYS, -1);
    }

    /**
     * Appends a rule.
     *
     * @param port the index in the snapshot of the service port the rule was written for (its
     *     jumps lead to that port's own chains), or -1
     */
    Builder append(Rule rule, Presence presence, int port) {
      declare(rule.chain());
      rules.get(rule.chain()).add(rule);
      presences.get(rule.chain()).add(presence);
      ports.get(rule.chain()).add(port);
      return this;
    }

    /** {@return the table; {@code shapes} are the snapshot's ports, by index} */
    SharedTable build(List<PortShape> shapes) {
      Map<String, RuleChain> built = new LinkedHashMap<>();
      rules.forEach((chain, list) -> built.put(chain, RuleChain.shared(chain, list,
          presences.get(chain), ports.get(chain), shapes)));
      return new SharedTable(name, builtins, ImmutableMap.copyOf(built));
    }
  }
}
