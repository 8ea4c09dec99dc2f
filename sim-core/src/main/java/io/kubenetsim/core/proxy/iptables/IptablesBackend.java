package io.kubenetsim.core.proxy.iptables;

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
 * kube-proxy's {@code iptables} mode: rules compiled by {@link IptablesRuleCompiler}, packets
 * walked by {@link IptablesTracer}, text by {@link IptablesDump}.
 *
 * <p>Compiled rules are cached per (snapshot, node context) in a small least-recently-used map,
 * so a burst of packets on one node after a sync compiles once. The cache is looked up, never
 * iterated into output. Confined to the simulation thread.
 *
 * <pre>{@code
 * ProxyBackend backend = new IptablesBackend();
 * ProxyDecision d = backend.evaluate(snapshot, node, packet, state, now, random);
 * }</pre>
 */
public final class IptablesBackend implements ProxyBackend {
  private static final int CACHE_SIZE = 64;

  private record Key(long version, NodeContext node) {}

  private record Compiled(ProxySnapshot snapshot, IptablesRules rules) {}

  private final Map<Key, Compiled> cache = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Compiled> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  @Override
  public ProxyMode mode() {
    return ProxyMode.IPTABLES;
  }

  @Override
  public ProxyDecision evaluate(ProxySnapshot snapshot, NodeContext node, ProxyPacket packet,
      ProxyNodeState state, Instant now, SeededRandom random) {
    return IptablesTracer.trace(rules(snapshot, node), node, packet, state, now, random);
  }

  @Override
  public String dump(ProxySnapshot snapshot, NodeContext node) {
    return IptablesDump.render(rules(snapshot, node));
  }

  /** {@return the node's compiled rules for this snapshot, compiling on first use} */
  public IptablesRules rules(ProxySnapshot snapshot, NodeContext node) {
    Key key = new Key(snapshot.version(), node);
    Compiled hit = cache.get(key);
    if (hit != null && hit.snapshot() == snapshot) {
      return hit.rules();
    }
    IptablesRules rules = IptablesRuleCompiler.compile(snapshot, node);
    cache.put(key, new Compiled(snapshot, rules));
    return rules;
  }
}
