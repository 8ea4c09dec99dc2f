package io.kubenetsim.core.proxy.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxyDecision;
import io.kubenetsim.core.proxy.ProxyNodeState;
import io.kubenetsim.core.proxy.ProxyPacket;
import io.kubenetsim.core.proxy.ProxySnapshot;
import io.kubenetsim.core.proxy.ServicePortInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Rules compiled once for all nodes and walked over packed arrays decide every packet exactly as
 * the node's whole rule set walked rule object by rule object does: same outcome, endpoint,
 * candidates, masquerade rule, matched rules and {@code rulesEvaluated}. One backend serves all
 * nodes, so a port's chains compiled for one node and reused for another, the rules only some
 * nodes have, and the NodePort jumps that name a node's addresses are all checked against a
 * rule set built for that node alone. Both sides draw from equal random streams and keep their
 * own affinity records, and packets come at increasing times, so statistic and affinity rules
 * are exercised too. The shapes come from {@link RandomRuleCases}; the rule text itself is
 * checked by the golden dump.
 */
class SharedRulesProperties {

  @Property(tries = 150)
  void sharedPackedWalkDecidesAsTheNodesWholeRuleSet(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 16) int ports) {
    RandomRuleCases.Case c = RandomRuleCases.generate(seed, ports, 40);
    checkAgainstWholeRuleSets(new IptablesBackend(), c.snapshot(), c, seed);
  }

  /**
   * The same after a sync: the second snapshot keeps some ports of the first (the same
   * objects), changes, drops and adds others; the backend, which has walked the first, reuses
   * what it compiled for the ports kept, and must decide and dump as a fresh compile of the
   * second snapshot does.
   */
  @Property(tries = 100)
  void aSnapshotReusingPortsDecidesAsAFreshCompile(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 16) int ports) {
    RandomRuleCases.Case first = RandomRuleCases.generate(seed, ports, 40);
    List<ServicePortInfo> others = RandomRuleCases.generate(seed + 1, ports + 2, 0).snapshot()
        .ports();
    List<ServicePortInfo> kept = new ArrayList<>();
    for (int i = 0; i < first.snapshot().ports().size(); i++) {
      if (Math.floorMod(seed + i, 3) != 0) {
        kept.add(first.snapshot().ports().get(i));
      }
    }
    others.stream().filter(p -> Math.floorMod(seed + p.port(), 2) == 0)
        .filter(p -> kept.stream().noneMatch(k -> k.name().equals(p.name()))).forEach(kept::add);
    ProxySnapshot second = ProxySnapshot.of(first.snapshot().version() + 1, kept);
    IptablesBackend backend = new IptablesBackend();
    checkAgainstWholeRuleSets(backend, first.snapshot(), first, seed);
    checkAgainstWholeRuleSets(backend, second, first, seed);
    for (NodeContext node : first.nodes()) {
      assertEquals(IptablesDump.render(IptablesRuleCompiler.compile(second, node)),
          backend.dump(second, node), "seed " + seed + ", " + node.nodeName());
    }
  }

  /** Sends the case's packets from every node through the backend and through whole sets. */
  private static void checkAgainstWholeRuleSets(IptablesBackend backend, ProxySnapshot snapshot,
      RandomRuleCases.Case c, long seed) {
    for (NodeContext node : c.nodes()) {
      IptablesRules whole = IptablesRuleCompiler.compile(snapshot, node);
      ProxyNodeState sharedState = new ProxyNodeState();
      ProxyNodeState wholeState = new ProxyNodeState();
      SeededRandom sharedRandom = new SeededRandom(seed);
      SeededRandom wholeRandom = new SeededRandom(seed);
      Instant now = Instant.parse("2026-01-01T00:00:00Z");
      for (ProxyPacket packet : c.packets()) {
        now = now.plusSeconds(7);
        ProxyDecision expected = IptablesTracer.trace(whole, node, packet, wholeState, now,
            wholeRandom);
        ProxyDecision actual = backend.evaluate(snapshot, node, packet, sharedState, now,
            sharedRandom);
        assertEquals(expected, actual, () -> "seed " + seed + ", " + node.nodeName() + ", "
            + packet + "\n" + IptablesDump.render(whole));
      }
    }
  }
}
