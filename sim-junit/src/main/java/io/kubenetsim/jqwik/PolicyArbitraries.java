package io.kubenetsim.jqwik;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.jqwik.PolicyDraft.PeerDraft;
import io.kubenetsim.jqwik.PolicyDraft.PeerKind;
import io.kubenetsim.jqwik.PolicyDraft.PortDraft;
import io.kubenetsim.jqwik.PolicyDraft.PortKind;
import io.kubenetsim.jqwik.PolicyDraft.RuleDraft;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicySpec;
import io.kubenetsim.net.Protocol;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * NetworkPolicies: a pod selector (sometimes {@code {}}), policy types written or left to the
 * default, up to two ingress and two egress rules, each with up to two peers (pods, namespaces,
 * both in one peer, or an ipBlock) and up to two ports (a number, a name, a range or a whole
 * protocol). Drafted first, then made for a cluster ({@link PolicyDraft#resolve}).
 */
final class PolicyArbitraries {
  private PolicyArbitraries() {}

  static Arbitrary<PolicyDraft> drafts() {
    Arbitrary<List<String>> types = Arbitraries.of(List.of(),
        List.of(NetworkPolicySpec.INGRESS), List.of(NetworkPolicySpec.EGRESS),
        List.of(NetworkPolicySpec.INGRESS, NetworkPolicySpec.EGRESS));
    Arbitrary<List<RuleDraft>> rules = rules().list().ofMaxSize(2);
    return Combinators.combine(NameArbitraries.dns1123Subdomains(),
        Arbitraries.integers().between(0, 7), SelectorDraft.drafts(0, 2), types, rules, rules)
        .as((name, namespace, selector, policyTypes, ingress, egress) -> new PolicyDraft(name,
            namespace, selector, ImmutableList.copyOf(policyTypes),
            ImmutableList.copyOf(ingress), ImmutableList.copyOf(egress)));
  }

  /** {@return policies in {@code namespace} about no particular pods: for validation tests} */
  static Arbitrary<NetworkPolicy> policies(String namespace) {
    PolicyDraft.Context nothing = new PolicyDraft.Context(List.of(namespace),
        LabelPool.of(List.of()), LabelPool.of(List.of()), List.of());
    return drafts().map(draft -> draft.resolve(nothing));
  }

  private static Arbitrary<RuleDraft> rules() {
    return Combinators.combine(peers().list().ofMaxSize(2), ports().list().ofMaxSize(2))
        .as((peers, ports) -> new RuleDraft(ImmutableList.copyOf(peers),
            ImmutableList.copyOf(ports)));
  }

  private static Arbitrary<PeerDraft> peers() {
    Arbitrary<PeerKind> kinds = Arbitraries.frequency(Tuple.of(3, PeerKind.PODS),
        Tuple.of(2, PeerKind.NAMESPACES), Tuple.of(2, PeerKind.PODS_IN_NAMESPACES),
        Tuple.of(2, PeerKind.IP_BLOCK));
    return Combinators.combine(kinds, SelectorDraft.drafts(0, 2), SelectorDraft.drafts(0, 2),
        IpBlockDraft.drafts()).as(PeerDraft::new);
  }

  private static Arbitrary<PortDraft> ports() {
    Arbitrary<Protocol> protocols = Arbitraries.frequency(Tuple.of(4, Protocol.TCP),
        Tuple.of(1, Protocol.UDP), Tuple.of(1, Protocol.SCTP));
    return Combinators.combine(Arbitraries.of(PortKind.class),
        Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 100),
        Arbitraries.integers().between(1, 65535), NameArbitraries.portNames(), protocols)
        .as(PortDraft::new);
  }
}
