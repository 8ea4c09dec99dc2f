package io.kubenetsim.core.dns;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.dns.DnsQuestion;
import io.kubenetsim.dns.DnsResponse;
import io.kubenetsim.dns.Rcode;
import io.kubenetsim.net.IpAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One CoreDNS process: its Corefile's server blocks, each a chain of plugins, answering
 * questions from the shared {@link KubernetesZone} and an {@link Upstream}. As CoreDNS's
 * {@code core/dnsserver/server.go} {@code ServeDNS}: the block whose zone is the longest
 * suffix of the question (else the root block) runs its chain; a question no block serves,
 * or a block without plugins that handle queries, is REFUSED; a chain that runs out (a plugin
 * passed the question on and none followed) is SERVFAIL ({@code plugin.NextOrFailure}).
 *
 * <p>The chain runs in CoreDNS's plugin order ({@code plugin.cfg}: rewrite, hosts,
 * kubernetes, forward, ...), not the Corefile's. The kubernetes plugin resolves an ExternalName
 * target outside its zones by asking this same server again, as upstream's {@code
 * upstream.Lookup} does, so such a target reaches {@code forward}.
 *
 * <pre>{@code
 * Corefile corefile = Corefile.parse(Corefile.kubeadm("cluster.local")).orElseThrow();
 * CoreDnsServer server = new CoreDnsServer(corefile, zone, List.of(podIp), world);
 * server.answer(DnsQuestion.of("web.shop.svc.cluster.local", RecordType.A));
 * // NOERROR, web.shop.svc.cluster.local. 30 IN A 10.96.0.15
 * }</pre>
 *
 * <p>Confined to the simulation thread.
 */
public final class CoreDnsServer {
  /** Plugins that handle queries in CoreDNS (the others only start listeners or watch). */
  private static final Set<String> HANDLERS = Set.of("errors", "log", "prometheus", "loop",
      "cache", "loadbalance", "rewrite", "hosts", "kubernetes", "forward");
  /** How deep the server may ask itself (ExternalName targets): a guard against loops. */
  private static final int MAX_SELF_LOOKUPS = 8;

  private final Corefile corefile;
  private final Map<Integer, Blocks> blocksByPort = new HashMap<>();
  private int selfLookups;

  /** A block's plugins, in chain order; {@code handles} false: none of them answers. */
  private record Chain(ImmutableList<DnsPlugin> plugins, boolean handles) {}

  /**
   * The chains of one port by zone key, longest zone first, so the first zone that is a
   * suffix of the question on a label boundary is the longest match — found without
   * allocating (the root zone {@code .}, length 1, comes last and matches everything).
   */
  private record Blocks(String[] zoneKeys, Chain[] chains) {
    static Blocks of(Map<String, Chain> byZone) {
      List<String> keys = new ArrayList<>(byZone.keySet());
      keys.sort(Comparator.comparingInt(String::length).reversed()
          .thenComparing(Comparator.naturalOrder()));
      return new Blocks(keys.toArray(String[]::new),
          keys.stream().map(byZone::get).toArray(Chain[]::new));
    }

    Chain match(String key) {
      for (int i = 0; i < zoneKeys.length; i++) {
        String zone = zoneKeys[i];
        if (zone.equals(".")) {
          return chains[i];
        }
        int at = key.length() - zone.length();
        if (key.endsWith(zone) && (at == 0 || (at > 0 && key.charAt(at - 1) == '.'))) {
          return chains[i];
        }
      }
      return null;
    }
  }

  /**
   * A CoreDNS process running {@code corefile}.
   *
   * @param ownIps the CoreDNS pod's IPs: the kubernetes plugin names the Services whose
   *     endpoints hold one of them as the zone's name servers
   * @param upstream where {@code forward} sends questions
   */
  public CoreDnsServer(Corefile corefile, KubernetesZone zone, List<IpAddress> ownIps,
      Upstream upstream) {
    checkArgument(corefile != null && zone != null && ownIps != null && upstream != null,
        "corefile, zone, ownIps and upstream must not be null");
    this.corefile = corefile;
    Upstream self = q -> Optional.of(selfLookup(q));
    Map<Integer, Map<String, Chain>> chainsByPort = new HashMap<>();
    for (ServerBlock block : corefile.serverBlocks()) {
      Chain chain = chain(block, zone, ownIps, upstream, self);
      for (ServerKey key : block.keys()) {
        chainsByPort.computeIfAbsent(key.port(), p -> new HashMap<>())
            .putIfAbsent(key.zone().key(), chain);
      }
    }
    chainsByPort.forEach((port, byZone) -> blocksByPort.put(port, Blocks.of(byZone)));
  }

  /** {@return the Corefile the server runs} */
  public Corefile corefile() {
    return corefile;
  }

  /** {@return the reply to a question sent to port 53} */
  public DnsResponse answer(DnsQuestion question) {
    return answer(question, ServerKey.DEFAULT_PORT);
  }

  /** {@return the reply to a question sent to {@code port}} */
  public DnsResponse answer(DnsQuestion question, int port) {
    checkArgument(question != null, "question must not be null");
    Blocks blocks = blocksByPort.get(port);
    Chain chain = blocks == null ? null : blocks.match(question.name().key());
    if (chain == null || !chain.handles()) {
      return ForwardPlugin.failure(question, Rcode.REFUSED);
    }
    return run(chain.plugins(), 0, question);
  }

  private DnsResponse run(List<DnsPlugin> plugins, int index, DnsQuestion question) {
    if (index == plugins.size()) {
      return ForwardPlugin.failure(question, Rcode.SERVFAIL);
    }
    return plugins.get(index).serve(question, q -> run(plugins, index + 1, q));
  }

  private DnsResponse selfLookup(DnsQuestion question) {
    if (selfLookups >= MAX_SELF_LOOKUPS) {
      return ForwardPlugin.failure(question, Rcode.SERVFAIL);
    }
    selfLookups++;
    try {
      return answer(question);
    } finally {
      selfLookups--;
    }
  }

  private static Chain chain(ServerBlock block, KubernetesZone zone, List<IpAddress> ownIps,
      Upstream upstream, Upstream self) {
    List<DnsPlugin> plugins = new ArrayList<>();
    boolean handles = false;
    for (String name : CorefilePlugins.ORDER) {
      for (Directive directive : block.directives()) {
        if (!directive.name().equals(name)) {
          continue;
        }
        handles |= HANDLERS.contains(name);
        if (directive instanceof Directive.Kubernetes k) {
          plugins.add(new KubernetesPlugin(k.options(), zone, ownIps, self));
        } else if (directive instanceof Directive.Forward f) {
          plugins.add(new ForwardPlugin(f, upstream));
        } else if (directive instanceof Directive.Hosts h) {
          plugins.add(new HostsPlugin(h));
        } else if (directive instanceof Directive.Rewrite r) {
          plugins.add(new RewritePlugin(r));
        } else if (!(directive instanceof Directive.Passive)) {
          throw new AssertionError("unhandled directive " + directive);
        }
      }
    }
    return new Chain(ImmutableList.copyOf(plugins), handles);
  }
}
