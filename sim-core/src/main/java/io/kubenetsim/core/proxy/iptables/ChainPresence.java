package io.kubenetsim.core.proxy.iptables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which rules of a shared chain exist on which node, for chains with rules that depend on local
 * endpoints ({@link Presence}). A walk must count only the rules the node has, without looking
 * at every conditional rule: per node this keeps the sorted positions of the conditional rules
 * for which the node has local endpoints, so that "how many of the rules from here to there
 * exist" is a few binary searches. Built once per snapshot; immutable.
 */
final class ChainPresence {
  private static final NodeRules NO_LOCAL_ENDPOINTS = new NodeRules(new int[0], new int[0]);

  private final Presence[] presence;
  /** Positions of the rules that exist only with local endpoints, ascending. */
  private final int[] withLocal;
  /** For lookup only. */
  private final Map<String, NodeRules> byNode;

  /**
   * One node's view of the conditional rules.
   *
   * @param with positions of {@link Presence#WITH_LOCAL_ENDPOINTS} rules the node has
   * @param without positions of {@link Presence#WITHOUT_LOCAL_ENDPOINTS} rules the node lacks
   */
  record NodeRules(int[] with, int[] without) {}

  private ChainPresence(Presence[] presence, int[] withLocal, Map<String, NodeRules> byNode) {
    this.presence = presence;
    this.withLocal = withLocal;
    this.byNode = byNode;
  }

  /**
   * {@return the chain's conditions, or null when every rule is on every node}
   *
   * @param ports each rule's service port, an index into {@code shapes}
   */
  static ChainPresence of(List<Presence> presences, List<Integer> ports,
      List<PortShape> shapes) {
    if (presences.stream().allMatch(p -> p == Presence.ALWAYS)) {
      return null;
    }
    List<Integer> withLocal = new ArrayList<>();
    Map<String, List<Integer>> with = new TreeMap<>();
    Map<String, List<Integer>> without = new TreeMap<>();
    for (int i = 0; i < presences.size(); i++) {
      Presence p = presences.get(i);
      if (p == Presence.ALWAYS) {
        continue;
      }
      if (p == Presence.WITH_LOCAL_ENDPOINTS) {
        withLocal.add(i);
      }
      Map<String, List<Integer>> target = p == Presence.WITH_LOCAL_ENDPOINTS ? with : without;
      for (String node : shapes.get(ports.get(i)).nodesWithLocalEndpoints()) {
        target.computeIfAbsent(node, n -> new ArrayList<>()).add(i);
      }
    }
    Map<String, NodeRules> byNode = new HashMap<>();
    Set<String> nodes = new TreeSet<>(with.keySet());
    nodes.addAll(without.keySet());
    for (String node : nodes) {
      byNode.put(node, new NodeRules(ints(with.getOrDefault(node, List.of())),
          ints(without.getOrDefault(node, List.of()))));
    }
    return new ChainPresence(presences.toArray(new Presence[0]), ints(withLocal), byNode);
  }

  /** {@return the node's view} */
  NodeRules forNode(String nodeName) {
    return byNode.getOrDefault(nodeName, NO_LOCAL_ENDPOINTS);
  }

  /** {@return whether the rule at this position exists on the node} */
  boolean present(int rule, NodeRules node) {
    return switch (presence[rule]) {
      case ALWAYS -> true;
      case NEVER -> false;
      case WITH_LOCAL_ENDPOINTS -> Arrays.binarySearch(node.with(), rule) >= 0;
      case WITHOUT_LOCAL_ENDPOINTS -> Arrays.binarySearch(node.without(), rule) < 0;
    };
  }

  /** {@return how many of the rules at positions {@code [from, to)} exist on the node} */
  int presentCount(int from, int to, NodeRules node) {
    int missingWith = count(withLocal, from, to) - count(node.with(), from, to);
    return to - from - missingWith - count(node.without(), from, to);
  }

  private static int count(int[] sorted, int from, int to) {
    return sorted.length == 0 ? 0 : lowerBound(sorted, to) - lowerBound(sorted, from);
  }

  private static int lowerBound(int[] sorted, int value) {
    int at = Arrays.binarySearch(sorted, value);
    return at >= 0 ? at : -at - 1;
  }

  private static int[] ints(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).toArray();
  }
}
