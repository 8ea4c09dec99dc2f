package io.kubenetsim.core.proxy.nftables;

import static io.kubenetsim.core.proxy.nftables.NftablesBaseChains.CLUSTER_IPS_CHECK;
import static io.kubenetsim.core.proxy.nftables.NftablesBaseChains.NODEPORT_ENDPOINTS_CHECK;
import static io.kubenetsim.core.proxy.nftables.NftablesBaseChains.SERVICE_ENDPOINTS_CHECK;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxyDecision;
import io.kubenetsim.core.proxy.ProxyDecision.Dnat;
import io.kubenetsim.core.proxy.ProxyDecision.Entry;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ProxyNodeState;
import io.kubenetsim.core.proxy.ProxyPacket;
import io.kubenetsim.core.proxy.ServicePortInfo;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.RuleOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the first packet of a flow through a node's {@link NftablesRuleset} the way the kernel
 * would and the way upstream's {@code pkg/proxy/nftables/helpers_test.go} {@code tracePacket}
 * does: the pre-DNAT filter chain ({@code firewall-check} → {@code firewall-ips}), the nat chain
 * ({@code services} → {@code service-ips}, then {@code service-nodeports} for {@code
 * nodeport-ips} destinations), then, on the possibly DNATed destination, the filter chain at
 * priority {@code filter}: {@code filter-forward} / {@code filter-output} ({@code
 * service-endpoints-check}, {@code cluster-ips-check}) or, for local destinations, {@code
 * filter-input} ({@code nodeport-endpoints-check}, {@code service-endpoints-check}).
 *
 * <p>Every map and set is a hash lookup, so the work — counted in {@code rulesEvaluated}, one per
 * rule or map lookup looked at — depends on the service port's own chains, never on how many
 * services exist. Unlike the tracer, {@code numgen random mod N} picks one endpoint with {@code
 * random.nextInt(N)}; all N are reported as candidates.
 */
final class NftablesEvaluator {
  private enum Verdict { CONTINUE, DNAT, DROP, REJECT }

  private final NftablesRuleset rules;
  private final NodeContext node;
  private final ProxyPacket packet;
  private final ProxyNodeState state;
  private final Instant now;
  private final SeededRandom random;
  private final List<String> matched = new ArrayList<>();
  private int evaluated;
  private Optional<String> masqueradeRule = Optional.empty();
  private Optional<ServicePortInfo> port = Optional.empty();
  private Entry entry = Entry.NONE;
  private Optional<Dnat> dnat = Optional.empty();
  private List<ProxyEndpoint> candidates = List.of();

  NftablesEvaluator(NftablesRuleset rules, ProxyPacket packet, ProxyNodeState state,
      Instant now, SeededRandom random) {
    this.rules = rules;
    this.node = rules.node();
    this.packet = packet;
    this.state = state;
    this.now = now;
    this.random = random;
  }

  ProxyDecision evaluate() {
    boolean output = packet.hook() == ProxyPacket.Hook.OUTPUT;
    fixedRule(output ? "filter-output-pre-dnat" : "filter-prerouting-pre-dnat", 0);
    Optional<NftElement> firewall = lookup(NftablesCompiler.FIREWALL_IPS,
        packet.destination(), packet.destinationPort());
    if (firewall.isPresent() && run(firewall.get().gotoChain().orElseThrow()) == Verdict.DROP) {
      return decision(RuleOutcome.DROP);
    }
    fixedRule(output ? "nat-output" : "nat-prerouting", 0);
    Optional<NftElement> service = lookup(NftablesCompiler.SERVICE_IPS, packet.destination(),
        packet.destinationPort());
    if (service.isEmpty()) {
      evaluated++;
      if (rules.isNodePortIP(packet.destination())) {
        matched.add(rules.chain(NftablesBaseChains.SERVICES).rules().get(1).text());
        service = found(NftablesCompiler.SERVICE_NODEPORTS, rules.lookup(
            NftablesCompiler.SERVICE_NODEPORTS, packet.protocol(), packet.destinationPort()));
      }
    }
    IpAddress destination = packet.destination();
    int destinationPort = packet.destinationPort();
    if (service.isPresent() && run(service.get().gotoChain().orElseThrow()) == Verdict.DNAT) {
      destination = dnat.get().endpoint().ip();
      destinationPort = dnat.get().endpoint().port();
    }
    boolean local = node.isLocal(destination);
    List<String> checks = new ArrayList<>();
    if (output || !local) {
      checks.addAll(List.of(SERVICE_ENDPOINTS_CHECK, CLUSTER_IPS_CHECK));
    }
    if (local) {
      checks.addAll(List.of(NODEPORT_ENDPOINTS_CHECK, SERVICE_ENDPOINTS_CHECK));
    }
    for (String check : checks) {
      evaluated++;
      matched.add("ct state new jump " + check);
      Verdict verdict = check(check, destination, destinationPort);
      if (verdict != Verdict.CONTINUE) {
        return decision(verdict == Verdict.DROP ? RuleOutcome.DROP : RuleOutcome.REJECT);
      }
    }
    return decision(dnat.isPresent() ? RuleOutcome.DNAT : RuleOutcome.UNTOUCHED);
  }

  /**
   * The filter chains after DNAT, on the rewritten destination: for a DNATed packet that is an
   * endpoint, which none of these maps or sets holds, so they only cost their lookups.
   */
  private Verdict check(String chain, IpAddress destination, int destinationPort) {
    if (chain.equals(SERVICE_ENDPOINTS_CHECK)) {
      fixedRule(chain, 0);
      return noEndpoint(rules.lookup(NftablesCompiler.NO_ENDPOINT_SERVICES, destination,
          packet.protocol(), destinationPort), NftablesCompiler.NO_ENDPOINT_SERVICES);
    }
    if (chain.equals(NODEPORT_ENDPOINTS_CHECK)) {
      evaluated++;
      if (!rules.isNodePortIP(destination)) {
        return Verdict.CONTINUE;
      }
      matched.add(rules.chain(chain).rules().get(0).text());
      return noEndpoint(rules.lookup(NftablesCompiler.NO_ENDPOINT_NODEPORTS,
          packet.protocol(), destinationPort), NftablesCompiler.NO_ENDPOINT_NODEPORTS);
    }
    List<NftRule> clusterIpsCheck = rules.chain(CLUSTER_IPS_CHECK).rules();
    evaluated++;
    if (rules.isClusterIP(destination)) {
      matched.add(clusterIpsCheck.get(0).text());
      return Verdict.REJECT;
    }
    if (clusterIpsCheck.size() > 1) {
      evaluated++;
      if (rules.inServiceCidrs(destination)) {
        matched.add(clusterIpsCheck.get(1).text());
        return Verdict.DROP;
      }
    }
    return Verdict.CONTINUE;
  }

  private Verdict noEndpoint(Optional<NftElement> element, String map) {
    if (element.isEmpty()) {
      return Verdict.CONTINUE;
    }
    found(map, element);
    if (element.get().verdict().equals("drop")) {
      return Verdict.DROP;
    }
    fixedRule(NftablesBaseChains.REJECT_CHAIN, 0);
    return Verdict.REJECT;
  }

  private Optional<NftElement> lookup(String map, IpAddress ip, int destinationPort) {
    evaluated++;
    Optional<NftElement> element = rules.lookup(map, ip, packet.protocol(), destinationPort);
    if (element.isPresent()) {
      matched.add("ip daddr . meta l4proto . th dport vmap @" + map);
    }
    return found(map, element);
  }

  private Optional<NftElement> found(String map, Optional<NftElement> element) {
    element.ifPresent(e -> {
      matched.add("element " + map + " { " + e.text() + " }");
      if (port.isEmpty()) {
        port = e.port();
        entry = e.entry();
      }
    });
    return element;
  }

  private void fixedRule(String chain, int index) {
    evaluated++;
    matched.add(rules.chain(chain).rules().get(index).text());
  }

  private Verdict run(String chainName) {
    for (NftRule rule : rules.chain(chainName).rules()) {
      evaluated++;
      if (!NftablesRuleMatcher.matches(rule, packet, node, state, now, port)) {
        continue;
      }
      matched.add(rule.text());
      switch (rule.action()) {
        case MARK_MASQUERADE -> {
          if (masqueradeRule.isEmpty()) {
            masqueradeRule = Optional.of(rule.text());
          }
        }
        case UPDATE_AFFINITY -> state.recordAffinity(rule.set(), packet.source(),
            backendOf(chainName), now);
        case GOTO -> {
          if (rule.match() == NftRule.Match.SADDR_IN_SET) {
            candidates = rule.endpoints();
          }
          return run(rule.targets().get(0));
        }
        case NUMGEN -> {
          candidates = rule.endpoints();
          return run(rule.targets().get(random.nextInt(rule.targets().size())));
        }
        case DNAT -> {
          dnat = Optional.of(new Dnat(rule.endpoints().get(0), rule.text()));
          return Verdict.DNAT;
        }
        case DROP -> {
          return Verdict.DROP;
        }
        case FIXED -> throw new AssertionError("fixed rule in " + chainName);
        default -> throw new AssertionError(rule.action());
      }
    }
    return Verdict.CONTINUE;
  }

  /** {@return the endpoint the endpoint chain DNATs to (its last rule)} */
  private HostPort backendOf(String endpointChain) {
    List<NftRule> chainRules = rules.chain(endpointChain).rules();
    return chainRules.get(chainRules.size() - 1).endpoints().get(0).address();
  }

  private ProxyDecision decision(RuleOutcome outcome) {
    return new ProxyDecision(outcome, dnat, ImmutableList.copyOf(candidates), masqueradeRule,
        port.map(ServicePortInfo::name), entry, ImmutableList.copyOf(matched), evaluated);
  }
}
