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
import io.kubenetsim.net.RuleOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
 */
public final class IptablesTracer {
  private static final List<String> FILTER_CHAINS = List.of(IptablesRuleCompiler.SERVICES,
      IptablesRuleCompiler.EXTERNAL_SERVICES, IptablesRuleCompiler.NODE_PORTS,
      IptablesRuleCompiler.PROXY_FIREWALL);

  private IptablesTracer() {}

  /** {@return what the node's rules do with the packet}, updating affinity records in state */
  public static ProxyDecision trace(IptablesRules rules, NodeContext node, ProxyPacket packet,
      ProxyNodeState state, Instant now, SeededRandom random) {
    Walk live = new Walk(rules.nat(), node, packet, Optional.of(new Live(state, now, random)));
    live.run(packet.hook().name(), Optional.empty());
    Optional<Dnat> rewrite = live.dnat.stream().findFirst();
    if (rewrite.isPresent()) {
      live.destination = rewrite.get().endpoint().ip();
      live.destinationPort = rewrite.get().endpoint().port();
    }
    Walk filter = live.inTable(rules.filter());
    for (String chain : FILTER_CHAINS) {
      if (filter.verdict.isPresent()) {
        break;
      }
      filter.run(chain, Optional.empty());
    }
    if (filter.verdict.isPresent()) {
      return decision(filter, filter.verdict.get(), Optional.empty(), ImmutableList.of());
    }
    if (rewrite.isEmpty()) {
      return decision(filter, RuleOutcome.UNTOUCHED, Optional.empty(), ImmutableList.of());
    }
    Walk explore = new Walk(rules.nat(), node, packet, Optional.empty());
    explore.run(packet.hook().name(), Optional.empty());
    return decision(filter, RuleOutcome.DNAT, rewrite, ImmutableList.copyOf(
        new LinkedHashSet<>(explore.dnat.stream().map(Dnat::endpoint).toList())));
  }

  private static ProxyDecision decision(Walk walk, RuleOutcome outcome, Optional<Dnat> rewrite,
      ImmutableList<ProxyEndpoint> candidates) {
    return new ProxyDecision(outcome, rewrite, candidates, walk.masqueradeRule,
        walk.servicePort, walk.entry, ImmutableList.copyOf(walk.matched), walk.evaluated);
  }

  /** What only the live walk has: the node's kernel state, the clock and the random stream. */
  private record Live(ProxyNodeState state, Instant now, SeededRandom random) {}

  /** One walk through a table; counters carry over into the filter walk. */
  private static final class Walk {
    private Table table;
    private final NodeContext node;
    private final ProxyPacket packet;
    private final Optional<Live> live;
    private IpAddress destination;
    private int destinationPort;
    private final List<Dnat> dnat = new ArrayList<>();
    private final List<String> matched = new ArrayList<>();
    private Optional<RuleOutcome> verdict = Optional.empty();
    private Optional<ServicePortName> servicePort = Optional.empty();
    private Entry entry = Entry.NONE;
    private Optional<String> masqueradeRule = Optional.empty();
    private int evaluated;

    Walk(Table table, NodeContext node, ProxyPacket packet, Optional<Live> live) {
      this.table = table;
      this.node = node;
      this.packet = packet;
      this.live = live;
      this.destination = packet.destination();
      this.destinationPort = packet.destinationPort();
    }

    Walk inTable(Table other) {
      this.table = other;
      return this;
    }

    /**
     * Runs a chain; {@return whether a terminal target ended the walk}
     *
     * @param via the rule that jumped here, which is what a masquerade mark is credited to
     *     (the jump to {@code KUBE-MARK-MASQ}, not the chain's own MARK rule)
     */
    boolean run(String chainName, Optional<Rule> via) {
      Chain chain = table.chain(chainName).orElseThrow(() -> new IllegalStateException(
          "rule jumps to chain " + chainName + ", which table " + table.name()
          + " does not have; known: " + table.chains().keySet()));
      for (Rule rule : chain.rules()) {
        evaluated++;
        if (!rule.matches().stream().allMatch(this::matches)) {
          continue;
        }
        record(rule);
        if (rule.target().isEmpty()) {
          continue;
        }
        Target target = rule.target().get();
        switch (target.name()) {
          case "DNAT" -> {
            dnat.add(new Dnat(rule.endpoint().orElseThrow(() -> new IllegalStateException(
                "DNAT rule without endpoint: " + rule)), rule.text()));
            return true;
          }
          case "REJECT" -> {
            verdict = Optional.of(RuleOutcome.REJECT);
            return true;
          }
          case "DROP" -> {
            verdict = Optional.of(RuleOutcome.DROP);
            return true;
          }
          case "ACCEPT", "MASQUERADE" -> {
            return true;
          }
          case "RETURN" -> {
            return false;
          }
          case "MARK" -> {
            if (target.options().startsWith("--or-mark") && masqueradeRule.isEmpty()) {
              masqueradeRule = Optional.of(via.orElse(rule).text());
            }
          }
          default -> {
            boolean terminated = run(target.name(), Optional.of(rule));
            boolean branch = live.isEmpty() && rule.match(Match.Statistic.class).isPresent();
            if (terminated && !branch) {
              return true;
            }
          }
        }
      }
      return false;
    }

    private void record(Rule rule) {
      if (live.isEmpty()) {
        return;
      }
      matched.add(rule.text());
      if (servicePort.isEmpty()) {
        servicePort = rule.servicePort();
      }
      if (entry == Entry.NONE) {
        entry = rule.entry();
      }
      rule.match(Match.RecentSet.class).ifPresent(set -> live.get().state().recordAffinity(
          set.name(), packet.source(), rule.endpoint().orElseThrow().address(),
          live.get().now()));
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
        return node.isLocal(a.source() ? packet.source() : destination);
      } else if (match instanceof Match.Statistic s) {
        return live.map(l -> l.random().nextInt(s.remaining()) == 0).orElse(true);
      } else if (match instanceof Match.RecentCheck r) {
        return live.map(l -> l.state().affinity(r.name(), packet.source(), l.now(),
            r.timeout()).isPresent()).orElse(false);
      } else if (match instanceof Match.KernelState) {
        return false;
      }
      throw new AssertionError("unknown match " + match);
    }
  }
}
