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
 * <p>A snapshot's rules are compiled once for all nodes ({@link SnapshotRules}) and kept for
 * the few most recently used snapshots (nodes sync together, so they share one or two), so a
 * node's first packet after a sync costs a walk, not a compile of its whole rule set; what is
 * particular to a node is applied as the walk goes. A new snapshot reuses what was compiled for
 * the ports that did not change since the last one compiled. A dump assembles the node's whole
 * rule set.
 * The cache is looked up, never iterated into output. Confined to the simulation thread.
 *
 * <pre>{@code
 * ProxyBackend backend = new IptablesBackend();
 * ProxyDecision d = backend.evaluate(snapshot, node, packet, state, now, random);
 * }</pre>
 */
public final class IptablesBackend implements ProxyBackend {
  private static final int CACHED_SNAPSHOTS = 8;

  private final Map<Long, SnapshotRules> cache = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, SnapshotRules> eldest) {
      return size() > CACHED_SNAPSHOTS;
    }
  };
  /** The last compiled, whose unchanged ports the next snapshot reuses. */
  private SnapshotRules latest;
  private int sharedCompiles;

  @Override
  public ProxyMode mode() {
    return ProxyMode.IPTABLES;
  }

  @Override
  public ProxyDecision evaluate(ProxySnapshot snapshot, NodeContext node, ProxyPacket packet,
      ProxyNodeState state, Instant now, SeededRandom random) {
    return IptablesTracer.trace(shared(snapshot), node, packet, state, now, random);
  }

  @Override
  public String dump(ProxySnapshot snapshot, NodeContext node) {
    return IptablesDump.render(rules(snapshot, node));
  }

  /** {@return the node's whole rule set for this snapshot} */
  public IptablesRules rules(ProxySnapshot snapshot, NodeContext node) {
    return shared(snapshot).forNode(node);
  }

  /** {@return the snapshot's rules for all nodes, compiling them on first use} */
  SnapshotRules shared(ProxySnapshot snapshot) {
    SnapshotRules hit = cache.get(snapshot.version());
    if (hit != null && hit.snapshot() == snapshot) {
      return hit;
    }
    SnapshotRules rules = IptablesRuleCompiler.compileShared(snapshot, latest);
    sharedCompiles++;
    cache.put(snapshot.version(), rules);
    latest = rules;
    return rules;
  }

  /** {@return how many times a snapshot's shared rules were compiled (for tests)} */
  int sharedCompiles() {
    return sharedCompiles;
  }
}
