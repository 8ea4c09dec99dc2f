package io.kubenetsim.core.policy;

import io.kubenetsim.Cluster;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyPeer;
import io.kubenetsim.model.NetworkPolicyPort;
import io.kubenetsim.model.NetworkPolicyRule;
import io.kubenetsim.model.NetworkPolicySpec;
import io.kubenetsim.model.Pod;
import io.kubenetsim.net.PolicyDirection;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.Reachability;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The test oracle for NetworkPolicy: a deliberately naive evaluator written straight from the
 * API documentation — the field comments of {@code k8s.io/api/networking/v1/types.go} and the
 * kubernetes.io "Network Policies" page ("the page") — quoted at the branch that implements
 * each sentence.
 * It shares no code with {@code core.policy}'s engine (not even label or CIDR matching, see
 * {@link NaiveMatching}); it re-reads the cluster's current objects on every call and decides
 * each cell by brute force over every policy, rule, peer and port. Slow by design.
 *
 * <pre>{@code
 * Reachability table = NaivePolicyEvaluator.reachability(cluster, pods, 80, Protocol.TCP);
 * }</pre>
 *
 * <p>What the documentation leaves to the plugin, decided as our reference (§6) decides it:
 * pod and namespace selectors match pod IPs after DNAT, ipBlocks match pod IPs too, and a
 * {@code hostNetwork} pod behaves as in the most common case of the page's "NetworkPolicy and
 * hostNetwork pods" section: never isolated, never matched by a pod or namespace selector, its
 * traffic being its node's traffic. Simplification: cells are pods × pods with no Service or
 * SNAT in between, so the source an ingress rule sees is the sending pod's IP.
 */
final class NaivePolicyEvaluator {
  private final Map<String, Pod> pods = new TreeMap<>();
  private final Map<String, Labels> namespaceLabels = new TreeMap<>();
  private final List<NetworkPolicy> policies;

  private NaivePolicyEvaluator(Cluster cluster) {
    cluster.list(Pod.class).forEach(p -> pods.put(p.metadata().key().toString(), p));
    cluster.list(Namespace.class)
        .forEach(n -> namespaceLabels.put(n.metadata().name(), n.metadata().labels()));
    policies = new ArrayList<>(cluster.list(NetworkPolicy.class));
  }

  /** {@return an evaluator over the cluster's objects as they are now (no time passes)} */
  static NaivePolicyEvaluator of(Cluster cluster) {
    return new NaivePolicyEvaluator(cluster);
  }

  /** {@return pods × pods ({@code namespace/name}, rows from, columns to), read from scratch} */
  static Reachability reachability(Cluster cluster, List<String> pods, int port,
      Protocol protocol) {
    NaivePolicyEvaluator evaluator = of(cluster);
    return Reachability.of(port, protocol, pods, pods,
        (from, to) -> evaluator.allowed(from, to, port, protocol));
  }

  /** {@return whether a new connection from one pod to another on this port is allowed} */
  boolean allowed(String from, String to, int port, Protocol protocol) {
    Pod source = pod(from);
    Pod destination = pod(to);
    if (from.equals(to)) {
      return true; // the page's entities list: "a pod cannot block access to itself"
    }
    // The page: "both the egress policy on the source pod and the ingress policy on the
    // destination pod need to allow the connection".
    return egressAllows(source, destination, port, protocol)
        && ingressAllows(source, destination, port, protocol);
  }

  /**
   * {@return whether a policy in the pod's namespace selects it for the direction} The page:
   * a pod is isolated for a direction if any NetworkPolicy both selects it and has that
   * direction in its policyTypes.
   */
  boolean isolated(String pod, PolicyDirection direction) {
    return !selecting(pod(pod), direction).isEmpty();
  }

  /** {@return whether this policy selects the pod for the direction} */
  static boolean selects(NetworkPolicy policy, Pod pod, PolicyDirection direction) {
    if (pod.spec().hostNetwork()) {
      return false; // hostNetwork pods are not subject to policy (see the class doc)
    }
    // types.go podSelector: "selects the pods to which this NetworkPolicy object applies";
    // policies are namespaced, so only pods of the policy's namespace.
    return policy.metadata().namespace().equals(pod.metadata().namespace())
        && NaiveMatching.matches(policy.spec().podSelector(), pod.metadata().labels())
        && affects(policy.spec(), direction);
  }

  private boolean egressAllows(Pod source, Pod destination, int port, Protocol protocol) {
    if (destination.spec().hostNetwork() && sameNode(source, destination)) {
      // The page: "traffic to and from the node where a Pod is running is always allowed,
      // regardless of the IP address of the Pod or the node".
      return true;
    }
    List<NetworkPolicy> selecting = selecting(source, PolicyDirection.EGRESS);
    // types.go egress: "Outgoing traffic is allowed if there are no NetworkPolicies selecting
    // the pod ... OR if the traffic matches at least one egress rule across all of the
    // NetworkPolicy objects whose podSelector matches the pod."
    if (selecting.isEmpty()) {
      return true;
    }
    for (NetworkPolicy policy : selecting) {
      for (NetworkPolicyRule rule : policy.spec().egress()) {
        if (matches(rule, policy, destination, destination, port, protocol)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean ingressAllows(Pod source, Pod destination, int port, Protocol protocol) {
    if (source.spec().hostNetwork() && sameNode(source, destination)) {
      return true; // types.go ingress: "OR if the traffic source is the pod's local node"
    }
    List<NetworkPolicy> selecting = selecting(destination, PolicyDirection.INGRESS);
    // types.go ingress: "Traffic is allowed to a pod if there are no NetworkPolicies selecting
    // the pod ... OR if the traffic matches at least one ingress rule across all of the
    // NetworkPolicy objects whose podSelector matches the pod."
    if (selecting.isEmpty()) {
      return true;
    }
    for (NetworkPolicy policy : selecting) {
      for (NetworkPolicyRule rule : policy.spec().ingress()) {
        if (matches(rule, policy, source, destination, port, protocol)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * One rule. types.go: "The traffic must match both ports and from" (or {@code to}); for
   * ports, "If this field is empty or missing, this rule matches all ports"; for peers, "If
   * this field is empty or missing, this rule matches all sources" (destinations); items of
   * both lists "are combined using a logical OR".
   *
   * @param peer the other end: the source for ingress, the destination for egress
   * @param destination the pod whose container ports named ports name
   */
  private boolean matches(NetworkPolicyRule rule, NetworkPolicy policy, Pod peer,
      Pod destination, int port, Protocol protocol) {
    boolean portMatches = rule.ports().isEmpty();
    for (NetworkPolicyPort p : rule.ports()) {
      portMatches |= matches(p, destination, port, protocol);
    }
    boolean peerMatches = rule.peers().isEmpty();
    for (NetworkPolicyPeer p : rule.peers()) {
      peerMatches |= matches(p, policy.metadata().namespace(), peer);
    }
    return portMatches && peerMatches;
  }

  /**
   * One port. types.go: protocol "which traffic must match. If not specified, this field
   * defaults to TCP" (the record holds the default); port "can either be a numerical or named
   * port on a pod. If this field is not provided, this matches all port names and numbers";
   * endPort: "the range of ports from port to endPort if set, inclusive".
   */
  private static boolean matches(NetworkPolicyPort rulePort, Pod destination, int port,
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
    // A named port is "a named ... port on a pod": the destination pod's container port of
    // that name and protocol. A hostNetwork destination is its node's address, not a pod's.
    String name = rulePort.port().get().stringValue().get();
    if (destination.spec().hostNetwork()) {
      return false;
    }
    for (ContainerPort declared : destination.spec().allPorts()) {
      if (declared.name().equals(name) && declared.protocol() == protocol
          && declared.containerPort() == port) {
        return true;
      }
    }
    return false;
  }

  /**
   * One peer, against the pod at the other end. types.go: ipBlock — "If this field is set then
   * neither of the other fields can be"; podSelector — "If namespaceSelector is also set, then
   * the NetworkPolicyPeer as a whole selects the pods matching podSelector in the Namespaces
   * selected by NamespaceSelector. Otherwise it selects the pods matching podSelector in the
   * policy's own namespace"; namespaceSelector alone — "it selects all pods in the namespaces
   * selected by namespaceSelector".
   */
  private boolean matches(NetworkPolicyPeer peer, String policyNamespace, Pod other) {
    if (peer.ipBlock().isPresent()) {
      return !other.status().podIP().isEmpty()
          && NaiveMatching.inBlock(peer.ipBlock().get(), other.status().podIP());
    }
    if (other.spec().hostNetwork()) {
      return false; // its traffic is node traffic: no pod selector names it (class doc)
    }
    String namespace = other.metadata().namespace();
    boolean namespaceMatches = peer.namespaceSelector().isPresent()
        ? NaiveMatching.matches(peer.namespaceSelector().get(), namespaceLabels(namespace))
        : namespace.equals(policyNamespace);
    boolean podMatches = peer.podSelector().isEmpty()
        || NaiveMatching.matches(peer.podSelector().get(), other.metadata().labels());
    boolean somethingSet = peer.podSelector().isPresent() || peer.namespaceSelector().isPresent();
    return somethingSet && namespaceMatches && podMatches;
  }

  private List<NetworkPolicy> selecting(Pod pod, PolicyDirection direction) {
    List<NetworkPolicy> selecting = new ArrayList<>();
    for (NetworkPolicy policy : policies) {
      if (selects(policy, pod, direction)) {
        selecting.add(policy);
      }
    }
    return selecting;
  }

  /**
   * Whether a policy affects a direction. types.go policyTypes: "If this field is not
   * specified, it will default based on the existence of ingress or egress rules; policies
   * that contain an egress section are assumed to affect egress, and all policies (whether or
   * not they contain an ingress section) are assumed to affect ingress."
   */
  static boolean affects(NetworkPolicySpec spec, PolicyDirection direction) {
    if (spec.policyTypes().isEmpty()) {
      return direction == PolicyDirection.INGRESS || !spec.egress().isEmpty();
    }
    return spec.policyTypes().contains(direction == PolicyDirection.INGRESS
        ? NetworkPolicySpec.INGRESS : NetworkPolicySpec.EGRESS);
  }

  private static boolean sameNode(Pod a, Pod b) {
    return !a.spec().nodeName().isEmpty() && a.spec().nodeName().equals(b.spec().nodeName());
  }

  private Labels namespaceLabels(String namespace) {
    return namespaceLabels.getOrDefault(namespace, Labels.none());
  }

  private Pod pod(String key) {
    Pod pod = pods.get(key);
    if (pod == null) {
      throw new IllegalArgumentException("no pod " + key + "; pods: " + pods.keySet());
    }
    return pod;
  }
}
