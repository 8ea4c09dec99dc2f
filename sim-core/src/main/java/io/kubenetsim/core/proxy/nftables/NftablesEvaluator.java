package io.kubenetsim.core.proxy.nftables;

import static io.kubenetsim.core.proxy.nftables.NftablesBaseChains.CLUSTER_IPS_CHECK;
import static io.kubenetsim.core.proxy.nftables.NftablesBaseChains.NODEPORT_ENDPOINTS_CHECK;
import static io.kubenetsim.core.proxy.nftables.NftablesBaseChains.SERVICE_ENDPOINTS_CHECK;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxyDecision;
import io.kubenetsim.core.proxy.ProxyDecision.Entry;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ProxyNodeState;
import io.kubenetsim.core.proxy.ProxyPacket;
import io.kubenetsim.core.proxy.ProxySnapshot.Key;
import io.kubenetsim.core.proxy.ServicePortInfo;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.RuleOutcome;
import java.time.Instant;
import java.util.Arrays;
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
 *
 * <p>The walk notes what matched as the rules, elements and fixed texts themselves; their text
 * is put together only when the decision's text is read.
 */
final class NftablesEvaluator {
  private enum Verdict { CONTINUE, DNAT, DROP, REJECT }

  /** The chains the filter hooks jump to after DNAT, with the jump's text. */
  private enum Check {
    SERVICE_ENDPOINTS(SERVICE_ENDPOINTS_CHECK),
    NODEPORT_ENDPOINTS(NODEPORT_ENDPOINTS_CHECK),
    CLUSTER_IPS(CLUSTER_IPS_CHECK);

    final String jump;

    Check(String chain) {
      this.jump = "ct state new jump " + chain;
    }
  }

  private static final String VMAP = "ip daddr . meta l4proto . th dport vmap @";
  private static final String FIREWALL_IPS_VMAP = VMAP + NftablesCompiler.FIREWALL_IPS;
  private static final String SERVICE_IPS_VMAP = VMAP + NftablesCompiler.SERVICE_IPS;

  private final NftablesRuleset rules;
  private final NftablesFixedRules fixed;
  private final NodeContext node;
  private final ProxyPacket packet;
  private final ProxyNodeState state;
  private final Instant now;
  private final SeededRandom random;
  /** {@link NftRule}s, {@link MatchedElement}s and fixed {@link String}s, in order. */
  private Object[] matched = new Object[16];
  private int matchedCount;
  private int evaluated;
  // Null until a rule or element sets them.
  private NftRule masqueradeRule;
  private ServicePortInfo port;
  private NftRule dnatRule;
  private Entry entry = Entry.NONE;
  private ImmutableList<ProxyEndpoint> candidates = ImmutableList.of();

  NftablesEvaluator(NftablesRuleset rules, ProxyPacket packet, ProxyNodeState state,
      Instant now, SeededRandom random) {
    this.rules = rules;
    this.fixed = rules.fixed;
    this.node = rules.node();
    this.packet = packet;
    this.state = state;
    this.now = now;
    this.random = random;
  }

  ProxyDecision evaluate() {
    boolean output = packet.hook() == ProxyPacket.Hook.OUTPUT;
    fixedRule(output ? fixed.filterOutputPreDnat() : fixed.filterPreroutingPreDnat());
    NftElement firewall = lookup(rules.firewallIps, NftablesCompiler.FIREWALL_IPS,
        FIREWALL_IPS_VMAP, packet.destination(), packet.destinationPort());
    if (firewall != null && run(firewall.target().orElseThrow()) == Verdict.DROP) {
      return decision(Verdict.DROP);
    }
    fixedRule(output ? fixed.natOutput() : fixed.natPrerouting());
    NftElement service = lookup(rules.serviceIps, NftablesCompiler.SERVICE_IPS,
        SERVICE_IPS_VMAP, packet.destination(), packet.destinationPort());
    if (service == null) {
      evaluated++;
      if (rules.isNodePortIP(packet.destination())) {
        note(fixed.nodePortsVmap());
        service = found(NftablesCompiler.SERVICE_NODEPORTS, find(rules.serviceNodePorts,
            NftablesRuleset.ANY, packet.destinationPort()));
      }
    }
    IpAddress destination = packet.destination();
    int destinationPort = packet.destinationPort();
    if (service != null && run(service.target().orElseThrow()) == Verdict.DNAT) {
      ProxyEndpoint endpoint = dnatRule.endpoints().get(0);
      destination = endpoint.ip();
      destinationPort = endpoint.port();
    }
    boolean local = node.isLocal(destination);
    // filter-forward and filter-output jump to the same two chains; filter-input to others.
    if (output || !local) {
      Verdict verdict = check(Check.SERVICE_ENDPOINTS, Check.CLUSTER_IPS, destination,
          destinationPort);
      if (verdict != Verdict.CONTINUE) {
        return decision(verdict);
      }
    }
    if (local) {
      Verdict verdict = check(Check.NODEPORT_ENDPOINTS, Check.SERVICE_ENDPOINTS, destination,
          destinationPort);
      if (verdict != Verdict.CONTINUE) {
        return decision(verdict);
      }
    }
    return decision(dnatRule != null ? Verdict.DNAT : Verdict.CONTINUE);
  }

  /**
   * The filter chains after DNAT, on the rewritten destination: for a DNATed packet that is an
   * endpoint, which none of these maps or sets holds, so they only cost their lookups.
   */
  private Verdict check(Check first, Check second, IpAddress destination,
      int destinationPort) {
    Verdict verdict = check(first, destination, destinationPort);
    return verdict == Verdict.CONTINUE ? check(second, destination, destinationPort) : verdict;
  }

  private Verdict check(Check check, IpAddress destination, int destinationPort) {
    evaluated++;
    note(check.jump);
    if (check == Check.SERVICE_ENDPOINTS) {
      fixedRule(fixed.serviceEndpointsCheck());
      return noEndpoint(find(rules.noEndpointServices, destination, destinationPort),
          NftablesCompiler.NO_ENDPOINT_SERVICES);
    }
    if (check == Check.NODEPORT_ENDPOINTS) {
      evaluated++;
      if (!rules.isNodePortIP(destination)) {
        return Verdict.CONTINUE;
      }
      note(fixed.nodePortEndpointsCheck());
      return noEndpoint(find(rules.noEndpointNodePorts, NftablesRuleset.ANY, destinationPort),
          NftablesCompiler.NO_ENDPOINT_NODEPORTS);
    }
    List<NftRule> clusterIpsCheck = fixed.clusterIpsCheck();
    evaluated++;
    if (rules.isClusterIP(destination)) {
      note(clusterIpsCheck.get(0));
      return Verdict.REJECT;
    }
    if (clusterIpsCheck.size() > 1) {
      evaluated++;
      if (rules.inServiceCidrs(destination)) {
        note(clusterIpsCheck.get(1));
        return Verdict.DROP;
      }
    }
    return Verdict.CONTINUE;
  }

  private Verdict noEndpoint(NftElement element, String map) {
    if (element == null) {
      return Verdict.CONTINUE;
    }
    found(map, element);
    if (element.verdict().equals("drop")) {
      return Verdict.DROP;
    }
    fixedRule(fixed.reject());
    return Verdict.REJECT;
  }

  /** An {@code ip . proto . port} map's lookup by its rule, noted when it finds an element. */
  private NftElement lookup(ImmutableMap<Key, NftElement> map, String name, String rule,
      IpAddress ip, int destinationPort) {
    evaluated++;
    NftElement element = find(map, ip, destinationPort);
    if (element != null) {
      note(rule);
    }
    return found(name, element);
  }

  /** {@return the map's element for this address and the packet's protocol, or null} */
  private NftElement find(ImmutableMap<Key, NftElement> map, IpAddress ip, int destinationPort) {
    // Most tables have no firewall or no-endpoint elements: no key to build for those.
    return map.isEmpty() ? null : map.get(new Key(ip, packet.protocol(), destinationPort));
  }

  private NftElement found(String map, NftElement element) {
    if (element != null) {
      note(new MatchedElement(map, element));
      if (port == null) {
        port = element.port().orElse(null);
        entry = element.entry();
      }
    }
    return element;
  }

  private void fixedRule(NftRule rule) {
    evaluated++;
    note(rule);
  }

  private void note(Object match) {
    if (matchedCount == matched.length) {
      matched = Arrays.copyOf(matched, matchedCount * 2);
    }
    matched[matchedCount++] = match;
  }

  private Verdict run(NftChain chain) {
    ImmutableList<NftRule> chainRules = chain.rules();
    for (int i = 0; i < chainRules.size(); i++) {
      NftRule rule = chainRules.get(i);
      evaluated++;
      if (!NftablesRuleMatcher.matches(rule, packet, node, state, now, port)) {
        continue;
      }
      note(rule);
      switch (rule.action()) {
        case MARK_MASQUERADE -> {
          if (masqueradeRule == null) {
            masqueradeRule = rule;
          }
        }
        case UPDATE_AFFINITY -> state.recordAffinity(rule.set(), packet.source(),
            backendOf(chain), now);
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
          dnatRule = rule;
          return Verdict.DNAT;
        }
        case DROP -> {
          return Verdict.DROP;
        }
        case FIXED -> throw new AssertionError("fixed rule in " + chain.name());
        default -> throw new AssertionError(rule.action());
      }
    }
    return Verdict.CONTINUE;
  }

  /** {@return the endpoint the endpoint chain DNATs to (its last rule)} */
  private static HostPort backendOf(NftChain endpointChain) {
    List<NftRule> chainRules = endpointChain.rules();
    return chainRules.get(chainRules.size() - 1).endpoints().get(0).address();
  }

  private ProxyDecision decision(Verdict verdict) {
    RuleOutcome outcome = switch (verdict) {
      case CONTINUE -> RuleOutcome.UNTOUCHED;
      case DNAT -> RuleOutcome.DNAT;
      case DROP -> RuleOutcome.DROP;
      case REJECT -> RuleOutcome.REJECT;
    };
    Optional<ProxyEndpoint> backend = dnatRule == null ? Optional.empty()
        : Optional.of(dnatRule.endpoints().get(0));
    Object[] walked = matched;
    int count = matchedCount;
    NftRule masquerading = masqueradeRule;
    NftRule rewriting = dnatRule;
    return ProxyDecision.rendered(outcome, backend, candidates, masquerading != null,
        port == null ? Optional.empty() : Optional.of(port.name()), entry, evaluated,
        () -> new ProxyDecision.Text(render(walked, count),
            Optional.ofNullable(masquerading).map(NftRule::text),
            Optional.ofNullable(rewriting).map(NftRule::text)));
  }

  private static ImmutableList<String> render(Object[] walked, int count) {
    ImmutableList.Builder<String> text = ImmutableList.builderWithExpectedSize(count);
    for (int i = 0; i < count; i++) {
      text.add(walked[i] instanceof NftRule rule ? rule.text() : walked[i].toString());
    }
    return text.build();
  }

  /** An element a map lookup found, printed as the trace shows it. */
  private record MatchedElement(String map, NftElement element) {
    @Override
    public String toString() {
      return "element " + map + " { " + element.text() + " }";
    }
  }
}
