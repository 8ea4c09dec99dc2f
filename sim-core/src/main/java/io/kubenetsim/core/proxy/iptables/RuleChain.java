package io.kubenetsim.core.proxy.iptables;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A chain as {@link IptablesTracer} walks it: the rules in order, each rule's text (built the
 * first time a walk reports the rule: a walk reports the few rules that match, not the thousands
 * it passes), and, for the chains every node shares, each rule's service port (whose own chains
 * its jump leads to), which nodes have the rule ({@link ChainPresence}) and the packed matches
 * ({@link PackedRules}). A service port's own chains belong to a {@link PortChainSet}, where
 * their jumps are resolved first.
 *
 * <p>Immutable but for the text cache, which holds values computed from immutable rules.
 * Confined to the simulation thread.
 */
final class RuleChain {
  private final String name;
  private final ImmutableList<Rule> rules;
  private final String[] texts;
  private final int[] ports;
  private final ChainPresence presence;
  private final PackedRules packed;
  private final PortChainSet owner;
  private final List<RuleChain> alone = List.of(this);

  private RuleChain(String name, List<Rule> rules, int[] ports, ChainPresence presence,
      PackedRules packed, PortChainSet owner) {
    this.name = name;
    this.rules = ImmutableList.copyOf(rules);
    this.texts = new String[this.rules.size()];
    this.ports = ports;
    this.presence = presence;
    this.packed = packed;
    this.owner = owner;
  }

  /**
   * {@return a chain every node shares, packed for the walk}
   *
   * @param ports each rule's service port (an index into {@code shapes}), or -1
   */
  static RuleChain shared(String name, List<Rule> rules, List<Presence> presences,
      List<Integer> ports, List<PortShape> shapes) {
    return new RuleChain(name, rules, ports.stream().mapToInt(Integer::intValue).toArray(),
        ChainPresence.of(presences, ports, shapes), PackedRules.of(rules), null);
  }

  /** {@return one of a service port's own chains, walked over its rule objects} */
  static RuleChain ofPort(String name, List<Rule> rules, PortChainSet owner) {
    return new RuleChain(name, rules, null, null, null, owner);
  }

  /** {@return a chain of a node's whole rule set, walked over its rule objects} */
  static RuleChain of(Chain chain) {
    return new RuleChain(chain.name(), chain.rules(), null, null, null, null);
  }

  String name() {
    return name;
  }

  int size() {
    return rules.size();
  }

  Rule rule(int i) {
    return rules.get(i);
  }

  /** {@return the chain as the only part of itself} */
  List<RuleChain> alone() {
    return alone;
  }

  /** {@return the rule's line as {@code iptables-save} prints it} */
  String text(int i) {
    String text = texts[i];
    if (text == null) {
      text = rules.get(i).text();
      texts[i] = text;
    }
    return text;
  }

  /** {@return the index of the service port the rule was written for, or -1} */
  int port(int i) {
    return ports == null ? -1 : ports[i];
  }

  /** {@return the port chain set this chain belongs to, or null for a shared chain} */
  PortChainSet owner() {
    return owner;
  }

  /** {@return the packed matches, or null when the chain is walked over its rule objects} */
  PackedRules packed() {
    return packed;
  }

  /** {@return which conditional rules a node has, or null when every rule is on every node} */
  ChainPresence.NodeRules presenceFor(String nodeName) {
    return presence == null ? null : presence.forNode(nodeName);
  }

  /** {@return whether the node has the rule; {@code node} from {@link #presenceFor}} */
  boolean present(int i, ChainPresence.NodeRules node) {
    return presence == null || presence.present(i, node);
  }

  /** {@return how many rules at {@code [from, to)} the node has} */
  int presentCount(int from, int to, ChainPresence.NodeRules node) {
    return presence == null ? to - from : presence.presentCount(from, to, node);
  }
}
