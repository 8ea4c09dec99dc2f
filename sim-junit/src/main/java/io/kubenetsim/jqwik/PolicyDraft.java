package io.kubenetsim.jqwik;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyPeer;
import io.kubenetsim.model.NetworkPolicyPort;
import io.kubenetsim.model.NetworkPolicyRule;
import io.kubenetsim.model.NetworkPolicySpec;
import io.kubenetsim.net.Protocol;
import java.util.List;
import java.util.Optional;

/**
 * A NetworkPolicy waiting for the cluster it is about ({@link Context}): its selectors pick from
 * the labels the cluster's pods and namespaces carry ({@link SelectorDraft}), its ports from the
 * container ports they declare, so that rules match some traffic and not other.
 *
 * @param policyTypes as written: empty (the API server's default applies), or {@code Ingress},
 *     {@code Egress} or both
 */
record PolicyDraft(String name, int namespacePick, SelectorDraft podSelector,
    ImmutableList<String> policyTypes, ImmutableList<RuleDraft> ingress,
    ImmutableList<RuleDraft> egress) {

  /** What a policy can refer to: namespaces to live in, label pools, declared ports. */
  record Context(List<String> namespaces, LabelPool podLabels, LabelPool namespaceLabels,
      List<ContainerPort> ports) {}

  /** One rule: traffic from or to any of {@code peers} (any peer when none), on any port. */
  record RuleDraft(ImmutableList<PeerDraft> peers, ImmutableList<PortDraft> ports) {}

  /** Which of a peer's three fields are set. */
  enum PeerKind { PODS, NAMESPACES, PODS_IN_NAMESPACES, IP_BLOCK }

  record PeerDraft(PeerKind kind, SelectorDraft pods, SelectorDraft namespaces,
      IpBlockDraft ipBlock) {}

  /** How a rule's port is written. */
  enum PortKind { NUMBER, NAME, RANGE, ALL_OF_PROTOCOL }

  /**
   * A rule's port: the declared container port at {@code pick} (its number, its name, or a
   * range from it {@code rangeLength} long), or every port of its protocol; {@code number},
   * {@code name} and {@code protocol} stand in when the cluster declares no port.
   */
  record PortDraft(PortKind kind, int pick, int rangeLength, int number, String name,
      Protocol protocol) {}

  /** {@return the policy in the namespace {@code namespacePick} chooses} */
  NetworkPolicy resolve(Context context) {
    String namespace = context.namespaces()
        .get(Math.floorMod(namespacePick, context.namespaces().size()));
    NetworkPolicySpec spec = NetworkPolicySpec.of(podSelector.resolve(context.podLabels()),
        policyTypes, rules(ingress, context), rules(egress, context));
    return NetworkPolicy.of(namespace, name, spec);
  }

  private static List<NetworkPolicyRule> rules(List<RuleDraft> drafts, Context context) {
    return drafts.stream().map(rule -> NetworkPolicyRule.of(
        rule.ports().stream().map(port -> port(port, context.ports())).toList(),
        rule.peers().stream().map(peer -> peer(peer, context)).toList())).toList();
  }

  private static NetworkPolicyPeer peer(PeerDraft draft, Context context) {
    return switch (draft.kind()) {
      case PODS -> NetworkPolicyPeer.pods(draft.pods().resolve(context.podLabels()));
      case NAMESPACES -> NetworkPolicyPeer.namespaces(
          draft.namespaces().resolve(context.namespaceLabels()));
      case PODS_IN_NAMESPACES -> NetworkPolicyPeer.podsInNamespaces(
          draft.pods().resolve(context.podLabels()),
          draft.namespaces().resolve(context.namespaceLabels()));
      case IP_BLOCK -> NetworkPolicyPeer.ipBlock(draft.ipBlock().resolve());
    };
  }

  private static NetworkPolicyPort port(PortDraft draft, List<ContainerPort> declared) {
    Optional<ContainerPort> picked = declared.isEmpty() ? Optional.empty()
        : Optional.of(declared.get(Math.floorMod(draft.pick(), declared.size())));
    Protocol protocol = picked.map(ContainerPort::protocol).orElse(draft.protocol());
    int number = picked.map(ContainerPort::containerPort).orElse(draft.number());
    return switch (draft.kind()) {
      case NUMBER -> NetworkPolicyPort.of(protocol, number);
      case NAME -> NetworkPolicyPort.named(protocol, picked.map(ContainerPort::name)
          .filter(name -> !name.isEmpty()).orElse(draft.name()));
      case RANGE -> NetworkPolicyPort.range(protocol, number,
          Math.min(65535, number + draft.rangeLength()));
      case ALL_OF_PROTOCOL -> NetworkPolicyPort.allPorts(protocol);
    };
  }
}
