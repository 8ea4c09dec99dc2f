package io.kubenetsim.core.policy;

import io.kubenetsim.model.IPBlock;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyPeer;
import io.kubenetsim.model.NetworkPolicyPort;
import io.kubenetsim.model.NetworkPolicyRule;
import io.kubenetsim.model.NetworkPolicySpec;
import io.kubenetsim.net.Protocol;
import java.util.List;

/** Short factories for the policies the engine's tests write (selectors in kubectl syntax). */
final class EnginePolicies {
  private EnginePolicies() {}

  /** {@return a policy with these parts; {@code types} empty means "not written"} */
  static NetworkPolicy policy(String key, String podSelector, List<String> types,
      List<NetworkPolicyRule> ingress, List<NetworkPolicyRule> egress) {
    int slash = key.indexOf('/');
    return NetworkPolicy.of(key.substring(0, slash), key.substring(slash + 1),
        NetworkPolicySpec.of(LabelSelector.parse(podSelector), types, ingress, egress));
  }

  /** {@return an ingress policy (policyTypes left to the default)} */
  static NetworkPolicy ingress(String key, String podSelector, NetworkPolicyRule... rules) {
    return policy(key, podSelector, List.of(), List.of(rules), List.of());
  }

  /** {@return an egress-only policy} */
  static NetworkPolicy egress(String key, String podSelector, NetworkPolicyRule... rules) {
    return policy(key, podSelector, List.of("Egress"), List.of(), List.of(rules));
  }

  static NetworkPolicyRule rule(List<NetworkPolicyPort> ports, NetworkPolicyPeer... peers) {
    return NetworkPolicyRule.of(ports, List.of(peers));
  }

  static NetworkPolicyRule anyPort(NetworkPolicyPeer... peers) {
    return rule(List.of(), peers);
  }

  static NetworkPolicyPort tcp(int port) {
    return NetworkPolicyPort.of(Protocol.TCP, port);
  }

  static NetworkPolicyPeer pods(String selector) {
    return NetworkPolicyPeer.pods(LabelSelector.parse(selector));
  }

  static NetworkPolicyPeer namespaces(String selector) {
    return NetworkPolicyPeer.namespaces(LabelSelector.parse(selector));
  }

  static NetworkPolicyPeer podsIn(String pods, String namespaces) {
    return NetworkPolicyPeer.podsInNamespaces(LabelSelector.parse(pods),
        LabelSelector.parse(namespaces));
  }

  static NetworkPolicyPeer block(String cidr, String... except) {
    return NetworkPolicyPeer.ipBlock(IPBlock.of(cidr, List.of(except)));
  }
}
