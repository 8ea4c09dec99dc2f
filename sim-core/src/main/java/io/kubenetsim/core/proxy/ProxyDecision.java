package io.kubenetsim.core.proxy;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.RuleOutcome;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What one node's rules did with the first packet of a flow, as data: the outcome, the endpoint
 * the destination was rewritten to, whether a rule marked the packet for masquerade, and — for
 * people — every rule that matched, the masquerading rule and the rewriting rule in the dump's
 * own text. Readers take the decision from the typed fields; the text is for display only.
 *
 * <p>A backend may hand over the text ready-made ({@link #ProxyDecision(RuleOutcome, Optional,
 * ImmutableList, Optional, Optional, Entry, ImmutableList, int) the constructor}) or as a
 * rendering ({@link #rendered}) that runs on the first call to a text accessor and is kept: most
 * decisions (a benchmark's, a connection nobody explains) are never read as text. Immutable in
 * what it reports; equal decisions have equal fields and equal text, as a record's would.
 */
public final class ProxyDecision {
  private final RuleOutcome outcome;
  /** Null unless the outcome is DNAT. */
  private final ProxyEndpoint backend;
  private final ImmutableList<ProxyEndpoint> candidates;
  private final boolean masquerade;
  private final Optional<ServicePortName> servicePort;
  private final Entry entry;
  private final int rulesEvaluated;
  /** Null when the text was given ready-made. */
  private final Supplier<Text> rendering;
  /** Null until rendered. */
  private Told told;

  /** The text as the accessors return it; one object, so that it is published whole. */
  private record Told(ImmutableList<String> matchedRules, Optional<String> masqueradeRule,
      Optional<Dnat> dnat) {}

  /**
   * A destination rewrite: the rule (or map element) that performed it, in the dump's text, and
   * the endpoint it rewrote to.
   */
  public record Dnat(ProxyEndpoint endpoint, String rule) {}

  /**
   * A decision's text, in the dump's own words.
   *
   * @param matchedRules the rules or map entries that matched, in order
   * @param masqueradeRule the rule that set the masquerade mark ({@code KUBE-MARK-MASQ}, {@code
   *     mark-for-masquerade}, or IPVS mode's ipset rules), when one did
   * @param dnatRule the rule that rewrote the destination, for {@link RuleOutcome#DNAT}
   */
  public record Text(ImmutableList<String> matchedRules, Optional<String> masqueradeRule,
      Optional<String> dnatRule) {
    public Text {
      matchedRules = ImmutableList.copyOf(matchedRules);
    }
  }

  /** How the packet addressed the service. */
  public enum Entry {
    CLUSTER_IP,
    NODE_PORT,
    EXTERNAL_IP,
    LOAD_BALANCER,
    NONE
  }

  /**
   * A decision with its text ready-made.
   *
   * @param dnat the destination rewrite, for {@link RuleOutcome#DNAT}
   * @param candidates every endpoint the rules could have chosen for this packet, in rule order
   *     (what kube-proxy's own packet-flow tests report)
   * @param masqueradeRule the rule that set the masquerade mark, when one did
   * @param servicePort the service port whose rules matched, if any
   * @param entry how the packet addressed the service
   * @param matchedRules the rules or map entries that matched, in order, in the dump's own text
   * @param rulesEvaluated how many rules were looked at (for iptables, the linear cost)
   */
  public ProxyDecision(RuleOutcome outcome, Optional<Dnat> dnat,
      ImmutableList<ProxyEndpoint> candidates, Optional<String> masqueradeRule,
      Optional<ServicePortName> servicePort, Entry entry, ImmutableList<String> matchedRules,
      int rulesEvaluated) {
    this(outcome, dnat.isPresent() ? dnat.get().endpoint() : null, candidates,
        masqueradeRule.isPresent(), servicePort, entry, rulesEvaluated, null,
        new Told(ImmutableList.copyOf(matchedRules), masqueradeRule, dnat));
  }

  private ProxyDecision(RuleOutcome outcome, ProxyEndpoint backend,
      ImmutableList<ProxyEndpoint> candidates, boolean masquerade,
      Optional<ServicePortName> servicePort, Entry entry, int rulesEvaluated,
      Supplier<Text> rendering, Told told) {
    this.outcome = outcome;
    this.backend = backend;
    this.candidates = ImmutableList.copyOf(candidates);
    this.masquerade = masquerade;
    this.servicePort = servicePort;
    this.entry = entry;
    this.rulesEvaluated = rulesEvaluated;
    this.rendering = rendering;
    this.told = told;
    if ((outcome == RuleOutcome.DNAT) != (backend != null)) {
      throw new IllegalStateException("a " + outcome + " decision "
          + (backend != null ? "cannot carry" : "needs") + " a DNAT rewrite: "
          + matchedRules());
    }
  }

  /**
   * {@return a decision whose text {@code rendering} produces when it is first asked for} The
   * rendering must read only values that never change (the rules, the packet, the node's
   * context), so the text is the same whenever it runs; it draws no randomness and touches no
   * kernel state.
   *
   * @param backend the endpoint the destination was rewritten to, for {@link RuleOutcome#DNAT}
   * @param masquerade whether a rule marked the packet for masquerade
   */
  public static ProxyDecision rendered(RuleOutcome outcome, Optional<ProxyEndpoint> backend,
      ImmutableList<ProxyEndpoint> candidates, boolean masquerade,
      Optional<ServicePortName> servicePort, Entry entry, int rulesEvaluated,
      Supplier<Text> rendering) {
    return new ProxyDecision(outcome, backend.orElse(null), candidates, masquerade,
        servicePort, entry, rulesEvaluated, rendering, null);
  }

  /** {@return a decision that touched nothing} */
  public static ProxyDecision untouched(List<String> matched, int evaluated) {
    return new ProxyDecision(RuleOutcome.UNTOUCHED, Optional.empty(), ImmutableList.of(),
        Optional.empty(), Optional.empty(), Entry.NONE, ImmutableList.copyOf(matched), evaluated);
  }

  /** {@return what the rules did} */
  public RuleOutcome outcome() {
    return outcome;
  }

  /** {@return the destination rewrite with its rule's text, for a DNAT} */
  public Optional<Dnat> dnat() {
    return told().dnat();
  }

  /** {@return the endpoint the destination was rewritten to, for a DNAT} */
  public Optional<ProxyEndpoint> backend() {
    return Optional.ofNullable(backend);
  }

  /**
   * {@return every endpoint the rules could have chosen for this packet, in rule order} (what
   * kube-proxy's own packet-flow tests report)
   */
  public ImmutableList<ProxyEndpoint> candidates() {
    return candidates;
  }

  /** {@return whether a rule marked the packet for masquerade} */
  public boolean masquerade() {
    return masquerade;
  }

  /** {@return the rule that set the masquerade mark, when one did} */
  public Optional<String> masqueradeRule() {
    return told().masqueradeRule();
  }

  /** {@return the service port whose rules matched, if any} */
  public Optional<ServicePortName> servicePort() {
    return servicePort;
  }

  /** {@return how the packet addressed the service} */
  public Entry entry() {
    return entry;
  }

  /** {@return the rules or map entries that matched, in order, in the dump's own text} */
  public ImmutableList<String> matchedRules() {
    return told().matchedRules();
  }

  /** {@return how many rules were looked at (for iptables, the linear cost)} */
  public int rulesEvaluated() {
    return rulesEvaluated;
  }

  /**
   * {@return the source the endpoint sees}: the node's primary address when the packet was
   * marked for masquerade, the sender's otherwise.
   *
   * <p>Simplification: real MASQUERADE takes the address of the interface the packet leaves
   * by (a bridge's for a pod on the same node, an overlay's with some CNIs); the node's primary
   * address stands for all of them.
   */
  public IpAddress sourceSeen(IpAddress sender, NodeContext node) {
    return masquerade ? node.primaryIP() : sender;
  }

  // Single-threaded like the rest of the simulation; a race would only render twice, since the
  // rendering is pure and Told is immutable.
  private Told told() {
    Told known = told;
    if (known == null) {
      Text text = rendering.get();
      if (text.masqueradeRule().isPresent() != masquerade
          || text.dnatRule().isPresent() != (backend != null)) {
        throw new IllegalStateException("the text of a " + outcome + " decision "
            + (masquerade ? "with" : "without") + " masquerade names masquerade rule "
            + text.masqueradeRule() + " and rewrite " + text.dnatRule() + ": "
            + text.matchedRules());
      }
      known = new Told(text.matchedRules(), text.masqueradeRule(),
          text.dnatRule().map(rule -> new Dnat(backend, rule)));
      told = known;
    }
    return known;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProxyDecision that && outcome == that.outcome
        && Objects.equals(backend, that.backend) && candidates.equals(that.candidates)
        && masquerade == that.masquerade && servicePort.equals(that.servicePort)
        && entry == that.entry && rulesEvaluated == that.rulesEvaluated
        && told().equals(that.told());
  }

  @Override
  public int hashCode() {
    return Objects.hash(outcome, backend, candidates, servicePort, entry, rulesEvaluated,
        told());
  }

  /** {@return the fields as a record would print them} */
  @Override
  public String toString() {
    return "ProxyDecision[outcome=" + outcome + ", dnat=" + dnat() + ", candidates=" + candidates
        + ", masqueradeRule=" + masqueradeRule() + ", servicePort=" + servicePort + ", entry="
        + entry + ", matchedRules=" + matchedRules() + ", rulesEvaluated=" + rulesEvaluated
        + "]";
  }
}
