package io.kubenetsim.core.proxy.nftables;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One rule of a kube-proxy nftables chain: a structured match and action for the evaluator, and
 * the text upstream {@code pkg/proxy/nftables/proxier.go} writes (as its {@code proxier_test.go}
 * expects it). Rules of the fixed chains carry text only ({@link Match#FIXED}): the evaluator
 * walks those chains itself.
 *
 * @param daddr the destination a {@link Match#DADDR} rule tests
 * @param sources the CIDRs a source match tests
 * @param set the affinity set of {@link Match#SADDR_IN_SET} and {@link Action#UPDATE_AFFINITY}
 * @param targets chains of {@link Action#GOTO} (one) and {@link Action#NUMGEN} (one per endpoint),
 *     held rather than looked up by name for every packet
 * @param endpoints the endpoints behind {@code targets}, or the one of {@link Action#DNAT}
 */
public record NftRule(Match match, Optional<IpAddress> daddr, ImmutableList<Cidr> sources,
    String set, Action action, ImmutableList<NftChain> targets,
    ImmutableList<ProxyEndpoint> endpoints, String text) {

  /** What a rule tests before acting. */
  public enum Match {
    ANY, DADDR, SADDR_IN, SADDR_NOT_IN, SADDR_LOCAL, SADDR_IN_SET, FIXED
  }

  /** What a rule does when it matches. */
  public enum Action {
    MARK_MASQUERADE, GOTO, NUMGEN, UPDATE_AFFINITY, DNAT, DROP, FIXED
  }

  static final String MARK_MASQ = "jump mark-for-masquerade";

  /** A rule of a fixed chain, evaluated by the evaluator's own walk. */
  static NftRule fixed(String text) {
    return of(Match.FIXED, Optional.empty(), List.of(), Action.FIXED, List.of(), List.of(), text);
  }

  /** {@code ip daddr <clusterIP> ip saddr != <cluster CIDR> jump mark-for-masquerade}. */
  static NftRule masqueradeOffCluster(IpAddress clusterIP, Cidr clusterCidr) {
    return of(Match.SADDR_NOT_IN, Optional.of(clusterIP), List.of(clusterCidr),
        Action.MARK_MASQUERADE, List.of(), List.of(),
        "ip daddr " + clusterIP + " ip saddr != " + clusterCidr + " " + MARK_MASQ);
  }

  /** {@code ip daddr <clusterIP> jump mark-for-masquerade} ({@code --masquerade-all}). */
  static NftRule masqueradeAll(IpAddress clusterIP) {
    return of(Match.DADDR, Optional.of(clusterIP), List.of(), Action.MARK_MASQUERADE,
        List.of(), List.of(), "ip daddr " + clusterIP + " " + MARK_MASQ);
  }

  /** {@code jump mark-for-masquerade}. */
  static NftRule masquerade() {
    return of(Match.ANY, Optional.empty(), List.of(), Action.MARK_MASQUERADE, List.of(),
        List.of(), MARK_MASQ);
  }

  /** {@code ip saddr <endpoint> jump mark-for-masquerade}: hairpin traffic. */
  static NftRule masqueradeHairpin(IpAddress endpoint) {
    return of(Match.SADDR_IN, Optional.empty(), List.of(host(endpoint)),
        Action.MARK_MASQUERADE, List.of(), List.of(), "ip saddr " + endpoint + " " + MARK_MASQ);
  }

  /** {@code fib saddr type local jump mark-for-masquerade comment "masquerade local traffic"}. */
  static NftRule masqueradeLocal() {
    return of(Match.SADDR_LOCAL, Optional.empty(), List.of(), Action.MARK_MASQUERADE,
        List.of(), List.of(),
        "fib saddr type local " + MARK_MASQ + " comment \"masquerade local traffic\"");
  }

  /** {@code ip saddr <cluster CIDR> goto <chain> comment "short-circuit pod traffic"}. */
  static NftRule gotoIfPod(Cidr clusterCidr, NftChain chain) {
    return of(Match.SADDR_IN, Optional.empty(), List.of(clusterCidr), Action.GOTO,
        List.of(chain), List.of(), "ip saddr " + clusterCidr + " goto " + chain.name()
            + " comment \"short-circuit pod traffic\"");
  }

  /** {@code fib saddr type local goto <chain> comment "short-circuit local traffic"}. */
  static NftRule gotoIfLocal(NftChain chain) {
    return of(Match.SADDR_LOCAL, Optional.empty(), List.of(), Action.GOTO, List.of(chain),
        List.of(), "fib saddr type local goto " + chain.name()
            + " comment \"short-circuit local traffic\"");
  }

  /** {@code goto <chain>}. */
  static NftRule gotoChain(NftChain chain) {
    return of(Match.ANY, Optional.empty(), List.of(), Action.GOTO, List.of(chain), List.of(),
        "goto " + chain.name());
  }

  /** {@code ip saddr @<affinity set> goto <endpoint chain>}. */
  static NftRule affinityCheck(String set, NftChain chain, ProxyEndpoint endpoint) {
    return new NftRule(Match.SADDR_IN_SET, Optional.empty(), ImmutableList.of(), set,
        Action.GOTO, ImmutableList.of(chain), ImmutableList.of(endpoint),
        "ip saddr @" + set + " goto " + chain.name());
  }

  /** {@code numgen random mod N vmap { 0 : goto A , 1 : goto B }}. */
  static NftRule numgen(List<NftChain> chains, List<ProxyEndpoint> endpoints) {
    String entries = IntStream.range(0, chains.size())
        .mapToObj(i -> i + " : goto " + chains.get(i).name()).collect(Collectors.joining(" , "));
    return of(Match.ANY, Optional.empty(), List.of(), Action.NUMGEN, chains, endpoints,
        "numgen random mod " + chains.size() + " vmap { " + entries + " }");
  }

  /** {@code update @<affinity set> { ip saddr }}. */
  static NftRule updateAffinity(String set) {
    return new NftRule(Match.ANY, Optional.empty(), ImmutableList.of(), set,
        Action.UPDATE_AFFINITY, ImmutableList.of(), ImmutableList.of(),
        "update @" + set + " { ip saddr }");
  }

  /** {@code meta l4proto tcp dnat to <ip:port>}. */
  static NftRule dnat(String protocol, ProxyEndpoint endpoint) {
    return of(Match.ANY, Optional.empty(), List.of(), Action.DNAT, List.of(),
        List.of(endpoint), "meta l4proto " + protocol + " dnat to " + endpoint.address());
  }

  /** {@code ip saddr != { <ranges> } drop}; {@code texts} are the set's members as written. */
  static NftRule firewall(List<Cidr> allowed, List<String> texts) {
    return of(Match.SADDR_NOT_IN, Optional.empty(), allowed, Action.DROP, List.of(), List.of(),
        "ip saddr != { " + String.join(" , ", texts) + " } drop");
  }

  static Cidr host(IpAddress address) {
    return new Cidr(address, address.family().bits());
  }

  private static NftRule of(Match match, Optional<IpAddress> daddr, List<Cidr> sources,
      Action action, List<NftChain> targets, List<ProxyEndpoint> endpoints, String text) {
    return new NftRule(match, daddr, ImmutableList.copyOf(sources), "", action,
        ImmutableList.copyOf(targets), ImmutableList.copyOf(endpoints), text);
  }

  @Override
  public String toString() {
    return text;
  }
}
