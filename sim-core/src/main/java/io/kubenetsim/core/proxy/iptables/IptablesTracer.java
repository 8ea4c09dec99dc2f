package io.kubenetsim.core.proxy.iptables;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxyDecision;
import io.kubenetsim.core.proxy.ProxyDecision.Dnat;
import io.kubenetsim.core.proxy.ProxyDecision.Entry;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ProxyNodeState;
import io.kubenetsim.core.proxy.ProxyPacket;
import io.kubenetsim.core.proxy.ServicePortName;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import io.kubenetsim.net.RuleOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the first packet of a flow through compiled rules by walking them one at a time, as the
 * kernel does, so the cost ({@link ProxyDecision#rulesEvaluated()}) grows with the number of
 * rules before the one that matches. Modelled on upstream's {@code tracePacket} in {@code
 * pkg/proxy/iptables/proxier_test.go}:
 *
 * <ol>
 *   <li>nat {@code PREROUTING} (or {@code OUTPUT} for packets the node itself sends);
 *   <li>if a DNAT happened, the destination becomes the endpoint;
 *   <li>filter KUBE-SERVICES, KUBE-EXTERNAL-SERVICES, KUBE-NODEPORTS and KUBE-PROXY-FIREWALL,
 *       which may REJECT or DROP;
 *   <li>POSTROUTING is not run: a jump to KUBE-MARK-MASQ means the packet will be masqueraded.
 * </ol>
 *
 * <p>Unlike upstream's tracer, which follows every branch, the live walk takes one: a {@code
 * statistic} rule with probability 1/k is taken iff {@code random.nextInt(k) == 0}, {@code
 * recent --rcheck} consults the node's affinity records and {@code recent --set} writes them. A
 * second, side-effect-free walk that follows every {@code statistic} branch and never matches
 * {@code --rcheck} (exactly upstream's tracer) lists the candidates. Matches on marks and
 * conntrack state never match, as in upstream's tracer. {@code LOCAL} means the node's
 * addresses and 127.0.0.1.
 *
 * <p>Over a snapshot's shared rules ({@link SnapshotRules}) the walk tests an IPv4 packet
 * against the packed form of the shared chains ({@link PackedRules}), still rule after rule,
 * and counts only the rules the node has; the second walk reuses the first one's scans of those
 * chains, which it would repeat exactly. Over a node's whole rule set ({@link IptablesRules})
 * it tests every rule's {@link Match}es: the two give the same decision, rule for rule.
 */
public final class IptablesTracer {
  private static final List<String> FILTER_CHAINS = List.of(IptablesRuleCompiler.SERVICES,
      IptablesRuleCompiler.EXTERNAL_SERVICES, IptablesRuleCompiler.NODE_PORTS,
      IptablesRuleCompiler.PROXY_FIREWALL);
  private static final IpAddress LOOPBACK = IpAddress.parse("127.0.0.1");

  private IptablesTracer() {}

  /**
   * {@return what a node's whole rule set does with the packet}, updating affinity records in
   * state; every rule is tested over its {@link Match} objects
   */
  public static ProxyDecision trace(IptablesRules rules, NodeContext node, ProxyPacket packet,
      ProxyNodeState state, Instant now, SeededRandom random) {
    return trace(new WholeRules(rules), node, packet, state, now, random);
  }

  /** {@return what the node's rules do with the packet}, updating affinity records in state */
  static ProxyDecision trace(RuleSource rules, NodeContext node, ProxyPacket packet,
      ProxyNodeState state, Instant now, SeededRandom random) {
    Scans scans = new Scans();
    Walk live = new Walk(rules, node, packet, new Live(state, now, random), scans);
    live.run(packet.hook().name(), null, null);
    Dnat rewrite = live.dnat.isEmpty() ? null : live.dnat.get(0);
    if (rewrite != null) {
      live.aim(rewrite.endpoint().ip(), rewrite.endpoint().port());
    }
    live.enterFilterTable();
    for (String chain : FILTER_CHAINS) {
      if (live.verdict != null) {
        break;
      }
      live.run(chain, null, null);
    }
    if (live.verdict != null) {
      return decision(live, live.verdict, null, ImmutableList.of());
    }
    if (rewrite == null) {
      return decision(live, RuleOutcome.UNTOUCHED, null, ImmutableList.of());
    }
    Walk explore = new Walk(rules, node, packet, null, scans);
    explore.run(packet.hook().name(), null, null);
    return decision(live, RuleOutcome.DNAT, rewrite, candidates(explore.dnat));
  }

  /** {@return the endpoints the exploring walk reached, in rule order, each once} */
  private static ImmutableList<ProxyEndpoint> candidates(List<Dnat> reached) {
    List<ProxyEndpoint> endpoints = new ArrayList<>(reached.size());
    for (Dnat dnat : reached) {
      // A handful per Service: a list search is cheaper than a set.
      if (!endpoints.contains(dnat.endpoint())) {
        endpoints.add(dnat.endpoint());
      }
    }
    return ImmutableList.copyOf(endpoints);
  }

  private static ProxyDecision decision(Walk walk, RuleOutcome outcome, Dnat rewrite,
      ImmutableList<ProxyEndpoint> candidates) {
    return new ProxyDecision(outcome, Optional.ofNullable(rewrite), candidates,
        Optional.ofNullable(walk.masqueradeRule), Optional.ofNullable(walk.servicePort),
        walk.entry, ImmutableList.copyOf(walk.matched), walk.evaluated);
  }

  /** What only the live walk has: the node's kernel state, the clock and the random stream. */
  private record Live(ProxyNodeState state, Instant now, SeededRandom random) {}

  /** The rule that jumped into a chain: a masquerade mark is credited to it. */
  private record Via(RuleChain chain, int rule) {
    String text() {
      return chain.text(rule);
    }
  }

  /**
   * Scans of packed chains in one packet's nat walks. The exploring walk enters the shared
   * chains exactly as the live walk did (no {@code statistic} or {@code recent} rule there), so
   * it reuses their results instead of scanning thousands of rules again.
   */
  private static final class Scans {
    // A walk enters two or three packed chains (nat KUBE-SERVICES, maybe KUBE-NODEPORTS).
    private static final int CAPACITY = 4;
    private final RuleChain[] chains = new RuleChain[CAPACITY];
    private final int[] from = new int[CAPACITY];
    private final int[] next = new int[CAPACITY];
    private int size;

    int find(RuleChain chain, int start) {
      for (int i = 0; i < size; i++) {
        if (chains[i] == chain && from[i] == start) {
          return next[i];
        }
      }
      return -1;
    }

    void add(RuleChain chain, int start, int result) {
      if (size < CAPACITY) {
        chains[size] = chain;
        from[size] = start;
        next[size++] = result;
      }
    }
  }

  /** One walk through the nat table, then (the live walk) the filter table. */
  private static final class Walk {
    private static final int END = 0;
    private static final int RETURNED = 1;
    private static final int TERMINATED = 2;

    private final RuleSource rules;
    private final NodeContext node;
    private final ProxyPacket packet;
    private final Live live;
    private Scans scans;
    private String table = "nat";
    private IpAddress destination;
    private int destinationPort;
    private final boolean sourceLocal;
    private boolean destinationLocal;
    /** The packet's {@link PackedRules#key}, or -1 to test rules over their objects. */
    private long key;
    private final List<Dnat> dnat = new ArrayList<>();
    private final List<String> matched = new ArrayList<>();
    private RuleOutcome verdict;
    private ServicePortName servicePort;
    private Entry entry = Entry.NONE;
    private String masqueradeRule;
    private int evaluated;

    /** @param live null for the side-effect-free walk that follows every branch */
    Walk(RuleSource rules, NodeContext node, ProxyPacket packet, Live live, Scans scans) {
      this.rules = rules;
      this.node = node;
      this.packet = packet;
      this.live = live;
      this.scans = scans;
      this.sourceLocal = isLocal(packet.source());
      aim(packet.destination(), packet.destinationPort());
    }

    /** Points the walk at a destination (the packet's, or the endpoint after a DNAT). */
    void aim(IpAddress newDestination, int port) {
      destination = newDestination;
      destinationPort = port;
      destinationLocal = isLocal(newDestination);
      key = packet.source().family() == IpFamily.IPV4
          ? PackedRules.key(newDestination, port, packet.protocol()) : -1;
    }

    /** Continues in the filter table; the nat scans no longer apply. */
    void enterFilterTable() {
      table = "filter";
      scans = null;
    }

    /**
     * Runs a chain; {@return whether a terminal target ended the walk}
     *
     * @param scope the service port's own chains, where a jump from one of its rules looks
     *     first (null for none)
     * @param via the rule that jumped here, which is what a masquerade mark is credited to (the
     *     jump to {@code KUBE-MARK-MASQ}, not the chain's own MARK rule); null for a hook
     */
    boolean run(String chainName, PortChainSet scope, Via via) {
      List<RuleChain> parts = resolve(chainName, scope);
      for (int i = 0; i < parts.size(); i++) {
        int end = runPart(parts.get(i), via);
        if (end != END) {
          return end == TERMINATED;
        }
      }
      return false;
    }

    private List<RuleChain> resolve(String chainName, PortChainSet scope) {
      RuleChain own = scope == null ? null : scope.chain(chainName);
      if (own != null) {
        return own.alone();
      }
      List<RuleChain> parts = rules.chain(table, chainName, node);
      if (parts == null) {
        throw new IllegalStateException("rule jumps to chain " + chainName + ", which table "
            + table + " does not have");
      }
      return parts;
    }

    /** Walks one part of a chain; {@return END, RETURNED or TERMINATED} */
    private int runPart(RuleChain chain, Via via) {
      ChainPresence.NodeRules present = chain.presenceFor(node.nodeName());
      PackedRules packed = key >= 0 ? chain.packed() : null;
      int size = chain.size();
      int i = 0;
      while (i < size) {
        // The packed scan skips rules that do not match; every rule it passes is counted, as
        // the object walk counts every rule it tests. Rules the node lacks are not counted.
        int at = packed == null ? i : scan(chain, packed, i);
        evaluated += chain.presentCount(i, Math.min(at + 1, size), present);
        if (at >= size) {
          return END;
        }
        i = at + 1;
        if (!chain.present(at, present)) {
          continue;
        }
        Rule rule = chain.rule(at);
        if ((packed == null || packed.slow(at)) && !matchesAll(rule)) {
          continue;
        }
        int end = take(chain, at, rule, via);
        if (end != END) {
          return end;
        }
      }
      return END;
    }

    private int scan(RuleChain chain, PackedRules packed, int from) {
      int found = scans == null ? -1 : scans.find(chain, from);
      if (found >= 0) {
        return found;
      }
      int next = packed.next(from, key, (int) packet.source().low(), (int) destination.low(),
          sourceLocal, destinationLocal);
      if (scans != null) {
        scans.add(chain, from, next);
      }
      return next;
    }

    /** Applies a matching rule's target; {@return END to go on with the next rule} */
    private int take(RuleChain chain, int at, Rule rule, Via via) {
      record(chain, at, rule);
      if (rule.target().isEmpty()) {
        return END;
      }
      Target target = rule.target().get();
      switch (target.name()) {
        case "DNAT" -> {
          dnat.add(new Dnat(rule.endpoint().orElseThrow(() -> new IllegalStateException(
              "DNAT rule without endpoint: " + rule)), chain.text(at)));
          return TERMINATED;
        }
        case "REJECT" -> {
          verdict = RuleOutcome.REJECT;
          return TERMINATED;
        }
        case "DROP" -> {
          verdict = RuleOutcome.DROP;
          return TERMINATED;
        }
        case "ACCEPT", "MASQUERADE" -> {
          return TERMINATED;
        }
        case "RETURN" -> {
          return RETURNED;
        }
        case "MARK" -> {
          if (target.options().startsWith("--or-mark") && masqueradeRule == null) {
            masqueradeRule = via != null ? via.text() : chain.text(at);
          }
          return END;
        }
        default -> {
          PortChainSet scope = chain.owner() != null ? chain.owner()
              : chain.port(at) >= 0 ? rules.portChains(chain.port(at), node) : null;
          boolean terminated = run(target.name(), scope, new Via(chain, at));
          boolean branch = live == null && hasStatistic(rule);
          return terminated && !branch ? TERMINATED : END;
        }
      }
    }

    private void record(RuleChain chain, int at, Rule rule) {
      if (live == null) {
        return;
      }
      matched.add(chain.text(at));
      if (servicePort == null) {
        servicePort = rule.servicePort().orElse(null);
      }
      if (entry == Entry.NONE) {
        entry = rule.entry();
      }
      List<Match> matches = rule.matches();
      for (int i = 0; i < matches.size(); i++) {
        if (matches.get(i) instanceof Match.RecentSet set) {
          live.state().recordAffinity(set.name(), packet.source(),
              rule.endpoint().orElseThrow().address(), live.now());
          return;
        }
      }
    }

    private boolean matchesAll(Rule rule) {
      List<Match> matches = rule.matches();
      for (int i = 0; i < matches.size(); i++) {
        if (!matches(matches.get(i))) {
          return false;
        }
      }
      return true;
    }

    private boolean matches(Match match) {
      if (match instanceof Match.Comment || match instanceof Match.RecentSet) {
        return true;
      } else if (match instanceof Match.ProtocolMatch p) {
        return p.protocol() == packet.protocol();
      } else if (match instanceof Match.Source s) {
        return s.cidr().contains(packet.source()) != s.negated();
      } else if (match instanceof Match.Destination d) {
        return d.cidr().contains(destination) != d.negated();
      } else if (match instanceof Match.DestinationPort p) {
        return p.port() == destinationPort;
      } else if (match instanceof Match.AddressTypeLocal a) {
        return a.source() ? sourceLocal : destinationLocal;
      } else if (match instanceof Match.Statistic s) {
        return live == null || live.random().nextInt(s.remaining()) == 0;
      } else if (match instanceof Match.RecentCheck r) {
        return live != null && live.state().affinity(r.name(), packet.source(), live.now(),
            r.timeout()).isPresent();
      } else if (match instanceof Match.KernelState) {
        return false;
      }
      throw new AssertionError("unknown match " + match);
    }

    private static boolean hasStatistic(Rule rule) {
      List<Match> matches = rule.matches();
      for (int i = 0; i < matches.size(); i++) {
        if (matches.get(i) instanceof Match.Statistic) {
          return true;
        }
      }
      return false;
    }

    /** {@return whether an address is the node's own or loopback (addrtype LOCAL)} */
    private boolean isLocal(IpAddress address) {
      return address.equals(LOOPBACK) || node.nodeIPs().contains(address);
    }
  }

  /** A node's whole rule set as a rule source: every chain walked over its rule objects. */
  private static final class WholeRules implements RuleSource {
    private final IptablesRules rules;
    /** For lookup only. */
    private final Map<String, List<RuleChain>> natChains = new HashMap<>();
    /** For lookup only. */
    private final Map<String, List<RuleChain>> filterChains = new HashMap<>();

    WholeRules(IptablesRules rules) {
      this.rules = rules;
    }

    @Override
    public List<RuleChain> chain(String table, String name, NodeContext node) {
      boolean nat = table.equals(rules.nat().name());
      Table t = nat ? rules.nat() : rules.filter();
      return (nat ? natChains : filterChains).computeIfAbsent(name,
          n -> t.chain(n).map(c -> RuleChain.of(c).alone()).orElse(null));
    }

    @Override
    public PortChainSet portChains(int port, NodeContext node) {
      throw new AssertionError("a whole rule set has no per-port chains: port " + port);
    }
  }
}
