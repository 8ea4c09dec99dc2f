package io.kubenetsim.jqwik;

import io.kubenetsim.Cluster;
import io.kubenetsim.model.IPBlock;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyPeer;
import io.kubenetsim.model.NetworkPolicyPort;
import io.kubenetsim.model.NetworkPolicyRule;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.PolicyDirection;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.Reachability;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Upstream NetworkPolicy semantics (reference §6), written as plainly as possible to be the
 * expectation the simulator's reachability is compared with. Computed from the policies a test
 * generated — not from what the simulator stored — and the pods and namespaces it observes.
 *
 * <ul>
 *   <li>A pod is isolated in a direction when a policy of its namespace selects it and that
 *       direction is among the policy's types; types left out mean Ingress, plus Egress when
 *       the policy has egress rules (§6.2).
 *   <li>An isolated direction allows what any rule of any such policy allows; a rule matches
 *       when any peer and any port match, no peers meaning any peer and no ports any port.
 *   <li>A pod-to-pod connection needs the source's egress and the destination's ingress; a pod
 *       may always reach itself.
 *   <li>Peers: podSelector alone means the policy's namespace; namespaceSelector alone every pod
 *       of matching namespaces; both in one peer, both must match; ipBlock matches pod IPs in
 *       {@code cidr} and outside every {@code except}.
 *   <li>Ports: the protocol must match; a number, a range {@code port..endPort}, or a name the
 *       destination pod declares with that number and protocol; no port means every port.
 * </ul>
 */
final class ReferencePolicyModel {
  private final List<NetworkPolicy> policies;
  private final Map<String, Labels> namespaceLabels;

  ReferencePolicyModel(List<NetworkPolicy> policies, Map<String, Labels> namespaceLabels) {
    this.policies = List.copyOf(policies);
    this.namespaceLabels = namespaceLabels;
  }

  /** {@return the model of these policies over the namespaces of a running cluster} */
  static ReferencePolicyModel of(List<NetworkPolicy> policies, Cluster cluster) {
    Map<String, Labels> labels = new TreeMap<>();
    for (Namespace namespace : cluster.namespaces()) {
      labels.put(namespace.metadata().name(), namespace.metadata().labels());
    }
    return new ReferencePolicyModel(policies, labels);
  }

  /** {@return the expected table over {@code pods} (rows and columns alike)} */
  Reachability table(List<ObservedPod> pods, int port, Protocol protocol) {
    List<String> keys = pods.stream().map(ObservedPod::key).toList();
    return Reachability.ofCells(port, protocol, keys, keys,
        (row, column) -> allowed(pods.get(row), pods.get(column), port, protocol));
  }

  /** {@return whether a new connection from {@code source} to {@code destination} is allowed} */
  boolean allowed(ObservedPod source, ObservedPod destination, int port, Protocol protocol) {
    if (source.key().equals(destination.key())) {
      return true;
    }
    return allows(source, destination, PolicyDirection.EGRESS, port, protocol)
        && allows(destination, source, PolicyDirection.INGRESS, port, protocol);
  }

  /** {@return whether some policy selects {@code pod} and names {@code direction}} */
  boolean isolated(ObservedPod pod, PolicyDirection direction) {
    return policies.stream().anyMatch(p -> selects(p, pod, direction));
  }

  /** {@return whether {@code policy} isolates {@code pod} in {@code direction}} */
  static boolean selects(NetworkPolicy policy, ObservedPod pod, PolicyDirection direction) {
    return policy.metadata().namespace().equals(pod.namespace())
        && types(policy).contains(direction)
        && ReferenceSelectors.matches(policy.spec().podSelector(), pod.labels());
  }

  /**
   * Whether {@code pod}'s side of the connection lets it through in {@code direction}; {@code
   * peer} is the other end (the destination for egress, the source for ingress).
   */
  private boolean allows(ObservedPod pod, ObservedPod peer, PolicyDirection direction, int port,
      Protocol protocol) {
    if (!isolated(pod, direction)) {
      return true;
    }
    ObservedPod destination = direction == PolicyDirection.EGRESS ? peer : pod;
    for (NetworkPolicy policy : policies) {
      if (!selects(policy, pod, direction)) {
        continue;
      }
      List<NetworkPolicyRule> rules = direction == PolicyDirection.EGRESS
          ? policy.spec().egress() : policy.spec().ingress();
      for (NetworkPolicyRule rule : rules) {
        if (anyPeer(rule, policy, peer) && anyPort(rule, destination, port, protocol)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<PolicyDirection> types(NetworkPolicy policy) {
    List<String> written = policy.spec().policyTypes();
    if (written.isEmpty()) {
      return policy.spec().egress().isEmpty() ? List.of(PolicyDirection.INGRESS)
          : List.of(PolicyDirection.INGRESS, PolicyDirection.EGRESS);
    }
    return written.stream().map(t -> t.equals("Ingress") ? PolicyDirection.INGRESS
        : PolicyDirection.EGRESS).toList();
  }

  private boolean anyPeer(NetworkPolicyRule rule, NetworkPolicy policy, ObservedPod peer) {
    return rule.peers().isEmpty() || rule.peers().stream().anyMatch(p -> peer(p, policy, peer));
  }

  private boolean peer(NetworkPolicyPeer peer, NetworkPolicy policy, ObservedPod pod) {
    if (peer.ipBlock().isPresent()) {
      return pod.ip().isPresent() && inBlock(peer.ipBlock().get(), pod);
    }
    boolean namespaceMatches = peer.namespaceSelector()
        .map(s -> ReferenceSelectors.matches(s, namespaceLabels.getOrDefault(pod.namespace(),
            Labels.none())))
        .orElse(pod.namespace().equals(policy.metadata().namespace()));
    boolean podMatches = peer.podSelector()
        .map(s -> ReferenceSelectors.matches(s, pod.labels())).orElse(true);
    return namespaceMatches && podMatches;
  }

  private static boolean inBlock(IPBlock block, ObservedPod pod) {
    return Cidr.parse(block.cidr()).contains(pod.ip().get()) && block.except().stream()
        .noneMatch(except -> Cidr.parse(except).contains(pod.ip().get()));
  }

  private static boolean anyPort(NetworkPolicyRule rule, ObservedPod destination, int port,
      Protocol protocol) {
    return rule.ports().isEmpty()
        || rule.ports().stream().anyMatch(p -> port(p, destination, port, protocol));
  }

  private static boolean port(NetworkPolicyPort rulePort, ObservedPod destination, int port,
      Protocol protocol) {
    if (rulePort.protocol() != protocol) {
      return false;
    }
    if (rulePort.port().isEmpty()) {
      return true;
    }
    if (rulePort.port().get().isInt()) {
      int first = rulePort.port().get().intValue().get();
      int last = rulePort.endPort().orElse(first);
      return first <= port && port <= last;
    }
    String name = rulePort.port().get().stringValue().get();
    return destination.port(name, protocol).map(p -> p.containerPort() == port).orElse(false);
  }
}
