package io.kubenetsim.core.proxy.nftables;

import io.kubenetsim.ProxyMode;
import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxyBackend;
import io.kubenetsim.core.proxy.ProxyDecision;
import io.kubenetsim.core.proxy.ProxyNodeState;
import io.kubenetsim.core.proxy.ProxyPacket;
import io.kubenetsim.core.proxy.ProxySnapshot;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * kube-proxy's {@code nftables} mode (upstream {@code pkg/proxy/nftables}): compiles a node's
 * {@code ip kube-proxy} table once per snapshot ({@link NftablesCompiler}), evaluates packets by
 * map lookups ({@link NftablesEvaluator}) and prints {@code nft list ruleset} ({@link
 * NftablesRenderer}). Compiled tables are kept for the most recently used nodes only (a small
 * least-recently-used map), so memory stays bounded however many nodes carry traffic: the
 * shared snapshot is the rule set, a node's table is a cache of it. Confined to the simulation
 * thread; the cache is looked up, never iterated into output.
 */
public final class NftablesBackend implements ProxyBackend {
  private static final int CACHED_NODES = 64;

  private final Map<String, NftablesRuleset> compiled =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, NftablesRuleset> eldest) {
          return size() > CACHED_NODES;
        }
      };

  @Override
  public ProxyMode mode() {
    return ProxyMode.NFTABLES;
  }

  @Override
  public ProxyDecision evaluate(ProxySnapshot snapshot, NodeContext node, ProxyPacket packet,
      ProxyNodeState state, Instant now, SeededRandom random) {
    return new NftablesEvaluator(ruleset(snapshot, node), packet, state, now, random).evaluate();
  }

  @Override
  public String dump(ProxySnapshot snapshot, NodeContext node) {
    return NftablesRenderer.render(ruleset(snapshot, node));
  }

  /** {@return the node's table for this snapshot, compiled at most once per change} */
  public NftablesRuleset ruleset(ProxySnapshot snapshot, NodeContext node) {
    NftablesRuleset cached = compiled.get(node.nodeName());
    if (cached != null && cached.snapshot() == snapshot && cached.node().equals(node)) {
      return cached;
    }
    NftablesRuleset fresh = NftablesCompiler.compile(snapshot, node);
    compiled.put(node.nodeName(), fresh);
    return fresh;
  }
}
