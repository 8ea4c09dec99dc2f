package io.kubenetsim.core.proxy.nftables;

import static io.kubenetsim.core.proxy.nftables.NftablesFixtures.ip;
import static io.kubenetsim.core.proxy.nftables.NftablesFixtures.ready;
import static io.kubenetsim.core.proxy.nftables.NftablesFixtures.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxyDecision;
import io.kubenetsim.core.proxy.ProxyNodeState;
import io.kubenetsim.core.proxy.ProxySnapshot;
import io.kubenetsim.core.proxy.nftables.NftablesFixtures.Port;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nodes share one compiled table when no rule depends on the node (issue 10: rules compiled
 * once per change, not once per node), and each node still sees exactly the table compiled for
 * it alone: the same dump, byte for byte, and the same decisions — including a NodePort
 * addressed to its own IP. With a Local traffic policy the table is the node's own.
 */
class NftablesSharedTableTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static NodeContext other() {
    NodeContext a = NftablesFixtures.node();
    return new NodeContext("other-node", ImmutableList.of(ip("192.168.0.3")), a.podCIDR(),
        a.localTraffic(), a.serviceCidrs(), a.config());
  }

  private static ProxySnapshot snapshot(Port port) {
    return ProxySnapshot.of(1, List.of(port.endpoints(ready("10.180.0.11",
        NftablesFixtures.NODE), ready("10.180.1.12", "other-node")).build()));
  }

  @Test
  void nodesShareTheTableAndEachSeesItsOwn() {
    ProxySnapshot snapshot = snapshot(new Port("default", "web", "172.30.0.10").nodePort(30080));
    NftablesBackend backend = new NftablesBackend();
    NftablesRuleset first = backend.ruleset(snapshot, NftablesFixtures.node());
    NftablesRuleset second = backend.ruleset(snapshot, other());
    assertSame(first.chains(), second.chains(), "compiled once, shared");
    assertEquals(NftablesRenderer.render(NftablesCompiler.compile(snapshot, other())),
        backend.dump(snapshot, other()));
    assertEquals(NftablesRenderer.render(NftablesCompiler.compile(snapshot,
        NftablesFixtures.node())), backend.dump(snapshot, NftablesFixtures.node()));
    ProxyDecision viaOwnIp = backend.evaluate(snapshot, other(),
        tcp("203.0.113.9", "192.168.0.3", 30080), new ProxyNodeState(), NOW,
        new SeededRandom(1));
    ProxyDecision alone = new NftablesEvaluator(NftablesCompiler.compile(snapshot, other()),
        tcp("203.0.113.9", "192.168.0.3", 30080), new ProxyNodeState(), NOW,
        new SeededRandom(1)).evaluate();
    assertEquals(alone, viaOwnIp);
    assertEquals(io.kubenetsim.net.RuleOutcome.DNAT, viaOwnIp.outcome());
  }

  @Test
  void aLocalPolicyGivesEachNodeItsOwnTable() {
    ProxySnapshot snapshot = snapshot(new Port("default", "web", "172.30.0.10").nodePort(30080)
        .externalLocal());
    NftablesBackend backend = new NftablesBackend();
    NftablesRuleset first = backend.ruleset(snapshot, NftablesFixtures.node());
    NftablesRuleset second = backend.ruleset(snapshot, other());
    assertNotSame(first.chains(), second.chains());
    assertEquals(NftablesRenderer.render(NftablesCompiler.compile(snapshot, other())),
        backend.dump(snapshot, other()));
  }
}
