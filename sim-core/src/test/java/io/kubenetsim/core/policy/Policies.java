package io.kubenetsim.core.policy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.kubenetsim.model.IPBlock;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.LabelSelectorRequirement;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyPeer;
import io.kubenetsim.model.NetworkPolicyPort;
import io.kubenetsim.model.NetworkPolicyRule;
import io.kubenetsim.model.NetworkPolicySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Short factories of NetworkPolicy records for the scenario tables, shaped like upstream's e2e
 * helpers ({@code test/e2e/network/netpol/policies.go}): {@code
 * GenNetworkPolicyWithNameAndPodSelector(name, selector, SetSpecIngressRules(rules...))} reads
 * here as {@code policy("x/name", selector, ingress(rules...))}, and, as there, each section
 * given adds its type to {@code policyTypes}.
 *
 * <pre>{@code
 * policy("x/deny-all", all(), ingress(), egress());   // both directions isolated, nothing allowed
 * policy("x/allow-b", labels("pod", "a"), ingress(from(pods(labels("pod", "b")))));
 * }</pre>
 */
final class Policies {
  private Policies() {}

  /** The rules of one direction, and that direction's policy type. */
  record Section(String type, List<NetworkPolicyRule> rules) {}

  /** {@return a policy {@code namespace/name} selecting pods, with the sections' types} */
  static NetworkPolicy policy(String namespacedName, LabelSelector pods, Section... sections) {
    List<String> types = new ArrayList<>();
    List<NetworkPolicyRule> ingress = new ArrayList<>();
    List<NetworkPolicyRule> egress = new ArrayList<>();
    for (Section section : sections) {
      types.add(section.type());
      (section.type().equals(NetworkPolicySpec.INGRESS) ? ingress : egress)
          .addAll(section.rules());
    }
    return policy(namespacedName, NetworkPolicySpec.of(pods, types, ingress, egress));
  }

  /** {@return a policy with this exact spec (policyTypes as given, possibly empty)} */
  static NetworkPolicy policy(String namespacedName, NetworkPolicySpec spec) {
    NamespacedName key = NamespacedName.parse(namespacedName);
    return NetworkPolicy.of(key.namespace(), key.name(), spec);
  }

  /** {@return policy type {@code Ingress} with these rules; none isolates and allows nothing} */
  static Section ingress(NetworkPolicyRule... rules) {
    return new Section(NetworkPolicySpec.INGRESS, List.of(rules));
  }

  /** {@return policy type {@code Egress} with these rules; none isolates and allows nothing} */
  static Section egress(NetworkPolicyRule... rules) {
    return new Section(NetworkPolicySpec.EGRESS, List.of(rules));
  }

  // ---- rules ----

  /** {@return the rule {@code {}}: any peer, any port} */
  static NetworkPolicyRule anything() {
    return NetworkPolicyRule.allowAll();
  }

  /** {@return a rule matching any of these peers, on any port} */
  static NetworkPolicyRule from(NetworkPolicyPeer... peers) {
    return NetworkPolicyRule.of(List.of(), List.of(peers));
  }

  /** {@return a rule for egress; the same shape as {@link #from}} */
  static NetworkPolicyRule to(NetworkPolicyPeer... peers) {
    return from(peers);
  }

  /** {@return a rule matching any peer on any of these ports} */
  static NetworkPolicyRule on(NetworkPolicyPort... ports) {
    return NetworkPolicyRule.of(List.of(ports), List.of());
  }

  /** {@return a copy of a rule that also requires one of these ports} */
  static NetworkPolicyRule on(NetworkPolicyRule rule, NetworkPolicyPort... ports) {
    return NetworkPolicyRule.of(List.of(ports), rule.peers());
  }

  // ---- peers ----

  /** {@return a peer: pods of the policy's namespace matching the selector} */
  static NetworkPolicyPeer pods(LabelSelector pods) {
    return NetworkPolicyPeer.pods(pods);
  }

  /** {@return a peer: every pod of the namespaces matching the selector} */
  static NetworkPolicyPeer namespaces(LabelSelector namespaces) {
    return NetworkPolicyPeer.namespaces(namespaces);
  }

  /** {@return a peer: matching pods in matching namespaces (one element, both selectors)} */
  static NetworkPolicyPeer podsIn(LabelSelector pods, LabelSelector namespaces) {
    return NetworkPolicyPeer.podsInNamespaces(pods, namespaces);
  }

  /** {@return a peer: addresses in {@code cidr} but in none of {@code except}} */
  static NetworkPolicyPeer ipBlock(String cidr, String... except) {
    return NetworkPolicyPeer.ipBlock(IPBlock.of(cidr, List.of(except)));
  }

  // ---- selectors ----

  /** {@return {@code {}}: every pod (or namespace)} */
  static LabelSelector all() {
    return LabelSelector.everything();
  }

  /** {@return {@code matchLabels: {key: value}}} */
  static LabelSelector labels(String key, String value) {
    return LabelSelector.matchLabels(Map.of(key, value));
  }

  /** {@return {@code matchLabels: {kubernetes.io/metadata.name: name}}} */
  static LabelSelector namespaceNamed(String name) {
    return labels(Namespace.NAME_LABEL, name);
  }

  /** {@return a selector of one {@code matchExpressions} entry} */
  static LabelSelector expression(String key, String operator, String... values) {
    return new LabelSelector(ImmutableSortedMap.of(),
        ImmutableList.of(LabelSelectorRequirement.of(key, operator, List.of(values))));
  }
}
