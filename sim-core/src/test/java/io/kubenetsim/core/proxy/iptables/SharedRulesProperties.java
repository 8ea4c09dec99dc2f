package io.kubenetsim.core.proxy.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxyDecision;
import io.kubenetsim.core.proxy.ProxyNodeState;
import io.kubenetsim.core.proxy.ProxyPacket;
import java.time.Instant;
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
    IptablesBackend backend = new IptablesBackend();
    for (NodeContext node : c.nodes()) {
      IptablesRules whole = IptablesRuleCompiler.compile(c.snapshot(), node);
      ProxyNodeState sharedState = new ProxyNodeState();
      ProxyNodeState wholeState = new ProxyNodeState();
      SeededRandom sharedRandom = new SeededRandom(seed);
      SeededRandom wholeRandom = new SeededRandom(seed);
      Instant now = Instant.parse("2026-01-01T00:00:00Z");
      for (ProxyPacket packet : c.packets()) {
        now = now.plusSeconds(7);
        ProxyDecision expected = IptablesTracer.trace(whole, node, packet, wholeState, now,
            wholeRandom);
        ProxyDecision actual = backend.evaluate(c.snapshot(), node, packet, sharedState, now,
            sharedRandom);
        assertEquals(expected, actual, () -> "seed " + seed + ", " + node.nodeName() + ", "
            + packet + "\n" + IptablesDump.render(whole));
      }
    }
  }
}
