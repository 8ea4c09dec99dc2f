package io.kubenetsim.core.proxy.nftables;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.KubeProxyConfiguration;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxyBackend;
import io.kubenetsim.core.proxy.ProxyDecision;
import io.kubenetsim.core.proxy.ProxyNodeState;
import io.kubenetsim.core.proxy.ProxyPacket;
import io.kubenetsim.core.proxy.ProxySnapshot;
import io.kubenetsim.net.Cidr;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * kube-proxy's {@code nftables} mode (upstream {@code pkg/proxy/nftables}): compiles the {@code
 * ip kube-proxy} table once per snapshot ({@link NftablesCompiler}), evaluates packets by map
 * lookups ({@link NftablesEvaluator}) and prints {@code nft list ruleset} ({@link
 * NftablesRenderer}).
 *
 * <p>Nodes share one compiled table when nothing in it depends on the node: no service port
 * has a Local traffic policy (which lists the node's own endpoints) or source ranges (which may
 * admit the node's address), and the nodes have the same local-traffic detector and
 * configuration. Each node then holds a view of the shared table with its own addresses and
 * {@code nodeport-ips}, so a connection from a thousand different nodes compiles once. Otherwise
 * each node's table is compiled for it and kept for the most recently used nodes only. Confined
 * to the simulation thread; the caches are looked up, never iterated into output.
 */
public final class NftablesBackend implements ProxyBackend {
  private static final int CACHED_NODES = 64;
  private static final int CACHED_SHARED = 8;

  /** What a shared table depends on besides the snapshot. */
  private record Profile(long version, Optional<Cidr> localTraffic,
      ImmutableList<Cidr> serviceCidrs, KubeProxyConfiguration config) {
    static Profile of(ProxySnapshot snapshot, NodeContext node) {
      return new Profile(snapshot.version(), node.localTraffic(), node.serviceCidrs(),
          node.config());
    }
  }

  private final Map<Profile, NftablesRuleset> shared = lru(CACHED_SHARED);
  private final Map<String, NftablesRuleset> perNode = lru(CACHED_NODES);
  private final Map<String, NftablesRuleset> views = new HashMap<>();
  /** The table handed out last: a node sending many connections in a row finds it first. */
  private NftablesRuleset last;

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
    NftablesRuleset recent = last;
    if (recent != null && recent.snapshot() == snapshot && recent.node() == node) {
      return recent;
    }
    last = rulesetOf(snapshot, node);
    return last;
  }

  private NftablesRuleset rulesetOf(ProxySnapshot snapshot, NodeContext node) {
    boolean shareable = snapshot.nodeSpecificPorts() == 0;
    Map<String, NftablesRuleset> cache = shareable ? views : perNode;
    NftablesRuleset cached = cache.get(node.nodeName());
    if (cached != null && cached.snapshot() == snapshot && cached.node().equals(node)) {
      return cached;
    }
    NftablesRuleset fresh = shareable ? sharedTable(snapshot, node).forNode(node)
        : NftablesCompiler.compile(snapshot, node);
    cache.put(node.nodeName(), fresh);
    return fresh;
  }

  private NftablesRuleset sharedTable(ProxySnapshot snapshot, NodeContext node) {
    Profile profile = Profile.of(snapshot, node);
    NftablesRuleset table = shared.get(profile);
    if (table == null || table.snapshot() != snapshot) {
      table = NftablesCompiler.compile(snapshot, node);
      shared.put(profile, table);
    }
    return table;
  }

  private static <K> Map<K, NftablesRuleset> lru(int size) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, NftablesRuleset> eldest) {
        return size() > size;
      }
    };
  }
}
