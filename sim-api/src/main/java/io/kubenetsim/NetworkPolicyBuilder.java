package io.kubenetsim;

import static com.google.common.base.Preconditions.checkArgument;

import io.kubenetsim.model.IPBlock;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyPeer;
import io.kubenetsim.model.NetworkPolicyPort;
import io.kubenetsim.model.NetworkPolicyRule;
import io.kubenetsim.model.NetworkPolicySpec;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.net.PolicyDirection;
import io.kubenetsim.net.Protocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Describes a NetworkPolicy ({@code networking.k8s.io/v1}) and creates it. A policy selects pods
 * of its own namespace ({@code podSelector}, all pods when not given) and lists the traffic they
 * may receive ({@code ingress} rules) and send ({@code egress} rules); a rule allows traffic from
 * (or to) any of its peers on any of its ports, and no peers or no ports means any. Left unset,
 * {@code policyTypes} is defaulted by the API server: {@code Ingress}, plus {@code Egress} when
 * there are egress rules — so a policy with no rules at all denies every ingress.
 *
 * <p>Selectors are written in kubectl's {@code -l} syntax ({@code "app=web"}, {@code "tier in
 * (fe,be)"}, {@code ""} for all) or as one {@code key, value} pair. Two peer methods called on
 * one rule give two peers, ORed; {@code fromPodsInNamespaces} gives one peer with both
 * selectors, ANDed — the difference upstream's documentation warns about.
 *
 * <pre>{@code
 * c.networkPolicy("x/deny-all").create();                        // isolates every pod of x
 * c.networkPolicy("x/allow-80").podSelector("pod", "a")
 *     .ingress(r -> r.fromNamespace("ns", "y").port(80)).create();
 * c.networkPolicy("x/and-vs-or").podSelector("pod=a")
 *     .ingress(r -> r.fromPodsInNamespaces("pod=b", "ns=y"))      // b pods in y (AND)
 *     .ingress(r -> r.fromPods("pod=b").fromNamespace("ns", "y"))  // b pods in x, or all of y
 *     .create();
 * c.networkPolicy("x/egress").policyTypes(PolicyDirection.EGRESS)
 *     .egress(r -> r.toIpBlock("10.0.0.0/8", "10.1.0.0/16").portRange(8000, 9000))
 *     .egress(r -> r.toNamespaces("").port(53, Protocol.UDP).port("dns-tcp"))
 *     .create();
 * }</pre>
 */
public final class NetworkPolicyBuilder {
  private final NamespacedName key;
  private final Function<NetworkPolicy, NetworkPolicy> creator;
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final Map<String, String> podLabels = new TreeMap<>();
  private LabelSelector podSelector = LabelSelector.everything();
  private final List<String> policyTypes = new ArrayList<>();
  private final List<NetworkPolicyRule> ingress = new ArrayList<>();
  private final List<NetworkPolicyRule> egress = new ArrayList<>();

  /** For {@link Cluster} implementations: {@code creator} submits the built policy. */
  public NetworkPolicyBuilder(NamespacedName key,
      Function<NetworkPolicy, NetworkPolicy> creator) {
    this.key = key;
    this.creator = creator;
  }

  /** Adds a label to the policy object itself (not to the pods it selects). */
  public NetworkPolicyBuilder label(String key, String value) {
    labels.put(key, value);
    return this;
  }

  /** Adds {@code key=value} to the pod selector's {@code matchLabels}. */
  public NetworkPolicyBuilder podSelector(String key, String value) {
    podLabels.put(key, value);
    return this;
  }

  /** Selects the pods matching a kubectl-syntax selector ({@code ""}: every pod). */
  public NetworkPolicyBuilder podSelector(String selector) {
    return podSelector(LabelSelector.parse(selector));
  }

  /** Selects the pods matching this selector, replacing any selector given before. */
  public NetworkPolicyBuilder podSelector(LabelSelector selector) {
    podLabels.clear();
    podSelector = selector;
    return this;
  }

  /**
   * Sets {@code policyTypes} as written: {@code "Ingress"}, {@code "Egress"} (anything else is
   * rejected on create, as kube-apiserver rejects it).
   */
  public NetworkPolicyBuilder policyTypes(String... types) {
    policyTypes.clear();
    policyTypes.addAll(List.of(types));
    return this;
  }

  /** Sets {@code policyTypes}: the directions the selected pods are isolated for. */
  public NetworkPolicyBuilder policyTypes(PolicyDirection... directions) {
    policyTypes.clear();
    for (PolicyDirection direction : directions) {
      policyTypes.add(direction == PolicyDirection.INGRESS
          ? NetworkPolicySpec.INGRESS : NetworkPolicySpec.EGRESS);
    }
    return this;
  }

  /** Adds an ingress rule described by {@code rule}; with nothing described, it allows all. */
  public NetworkPolicyBuilder ingress(Consumer<IngressRule> rule) {
    IngressRule draft = new IngressRule();
    rule.accept(draft);
    return ingress(draft.build());
  }

  /** Adds an ingress rule exactly as given. */
  public NetworkPolicyBuilder ingress(NetworkPolicyRule rule) {
    ingress.add(rule);
    return this;
  }

  /** Adds the ingress rule {@code {}}: from anywhere, on every port. */
  public NetworkPolicyBuilder allowAllIngress() {
    return ingress(NetworkPolicyRule.allowAll());
  }

  /** Adds an egress rule described by {@code rule}; with nothing described, it allows all. */
  public NetworkPolicyBuilder egress(Consumer<EgressRule> rule) {
    EgressRule draft = new EgressRule();
    rule.accept(draft);
    return egress(draft.build());
  }

  /** Adds an egress rule exactly as given. */
  public NetworkPolicyBuilder egress(NetworkPolicyRule rule) {
    egress.add(rule);
    return this;
  }

  /** Adds the egress rule {@code {}}: to anywhere, on every port. */
  public NetworkPolicyBuilder allowAllEgress() {
    return egress(NetworkPolicyRule.allowAll());
  }

  /** {@return the policy described so far, not yet created} */
  public NetworkPolicy build() {
    checkArgument(!key.name().isEmpty(), "a NetworkPolicy needs a name: \"namespace/name\"");
    Map<String, String> matchLabels = new TreeMap<>(podSelector.matchLabels());
    matchLabels.putAll(podLabels);
    LabelSelector selector = new LabelSelector(LabelSelector.matchLabels(matchLabels)
        .matchLabels(), podSelector.matchExpressions());
    NetworkPolicySpec spec = NetworkPolicySpec.of(selector, policyTypes, ingress, egress);
    return new NetworkPolicy(
        ObjectMeta.named(key.namespace(), key.name()).withLabels(Labels.of(labels)), spec);
  }

  /**
   * Creates the policy. {@return it as the API server stored it, {@code policyTypes} defaulted}
   *
   * @throws io.kubenetsim.manifest.ValidationException if it is invalid, listing every problem
   *     with kube-apiserver's field paths (nothing changes)
   * @throws ApiException if the namespace does not exist or the name is taken
   */
  public NetworkPolicy create() {
    return creator.apply(build());
  }

  /**
   * What ingress and egress rules share: their ports. A port is a protocol (TCP when not
   * given) and a number, a container port's name, or a range {@code port..endPort}.
   *
   * @param <B> the concrete rule, so that calls chain
   */
  public abstract static class Rule<B extends Rule<B>> {
    private final List<NetworkPolicyPort> ports = new ArrayList<>();
    private final List<NetworkPolicyPeer> peers = new ArrayList<>();

    Rule() {}

    abstract B self();

    /** Allows TCP traffic to this port number. */
    public B port(int port) {
      return port(port, Protocol.TCP);
    }

    /** Allows traffic of this protocol to this port number. */
    public B port(int port, Protocol protocol) {
      return port(NetworkPolicyPort.of(protocol, port));
    }

    /** Allows TCP traffic to the destination pod's container port of this name. */
    public B port(String name) {
      return port(name, Protocol.TCP);
    }

    /** Allows traffic of this protocol to the destination pod's container port of this name. */
    public B port(String name, Protocol protocol) {
      return port(NetworkPolicyPort.named(protocol, name));
    }

    /** Allows TCP traffic to every port from {@code port} to {@code endPort}, inclusive. */
    public B portRange(int port, int endPort) {
      return portRange(port, endPort, Protocol.TCP);
    }

    /** Allows traffic of this protocol to every port from {@code port} to {@code endPort}. */
    public B portRange(int port, int endPort, Protocol protocol) {
      return port(NetworkPolicyPort.range(protocol, port, endPort));
    }

    /** Allows traffic of this protocol to any port. */
    public B allPorts(Protocol protocol) {
      return port(NetworkPolicyPort.allPorts(protocol));
    }

    /** Adds a port exactly as given. */
    public B port(NetworkPolicyPort port) {
      ports.add(port);
      return self();
    }

    /** Adds a peer exactly as given. */
    B peer(NetworkPolicyPeer peer) {
      peers.add(peer);
      return self();
    }

    NetworkPolicyRule build() {
      return NetworkPolicyRule.of(ports, peers);
    }

    static NetworkPolicyPeer ipBlock(String cidr, String... except) {
      return NetworkPolicyPeer.ipBlock(IPBlock.of(cidr, List.of(except)));
    }

    static LabelSelector selector(String key, String value) {
      return LabelSelector.matchLabels(Map.of(key, value));
    }
  }

  /** An ingress rule: where traffic may come {@code from}, and to which ports. */
  public static final class IngressRule extends Rule<IngressRule> {
    IngressRule() {}

    @Override
    IngressRule self() {
      return this;
    }

    /** Allows the policy's own namespace's pods matching the selector ({@code ""}: all). */
    public IngressRule fromPods(String selector) {
      return peer(NetworkPolicyPeer.pods(LabelSelector.parse(selector)));
    }

    /** Allows the policy's own namespace's pods labelled {@code key=value}. */
    public IngressRule fromPods(String key, String value) {
      return peer(NetworkPolicyPeer.pods(selector(key, value)));
    }

    /** Allows every pod of the namespaces matching the selector ({@code ""}: all). */
    public IngressRule fromNamespaces(String selector) {
      return peer(NetworkPolicyPeer.namespaces(LabelSelector.parse(selector)));
    }

    /** Allows every pod of the namespaces labelled {@code key=value}. */
    public IngressRule fromNamespace(String key, String value) {
      return peer(NetworkPolicyPeer.namespaces(selector(key, value)));
    }

    /** Allows the pods matching both: one peer with both selectors (AND). */
    public IngressRule fromPodsInNamespaces(String podSelector, String namespaceSelector) {
      return peer(NetworkPolicyPeer.podsInNamespaces(LabelSelector.parse(podSelector),
          LabelSelector.parse(namespaceSelector)));
    }

    /** Allows the addresses in {@code cidr} but in none of {@code except}. */
    public IngressRule fromIpBlock(String cidr, String... except) {
      return peer(ipBlock(cidr, except));
    }

    /** Adds a {@code from} peer exactly as given. */
    public IngressRule from(NetworkPolicyPeer peer) {
      return peer(peer);
    }
  }

  /** An egress rule: where traffic may go {@code to}, and to which ports. */
  public static final class EgressRule extends Rule<EgressRule> {
    EgressRule() {}

    @Override
    EgressRule self() {
      return this;
    }

    /** Allows the policy's own namespace's pods matching the selector ({@code ""}: all). */
    public EgressRule toPods(String selector) {
      return peer(NetworkPolicyPeer.pods(LabelSelector.parse(selector)));
    }

    /** Allows the policy's own namespace's pods labelled {@code key=value}. */
    public EgressRule toPods(String key, String value) {
      return peer(NetworkPolicyPeer.pods(selector(key, value)));
    }

    /** Allows every pod of the namespaces matching the selector ({@code ""}: all). */
    public EgressRule toNamespaces(String selector) {
      return peer(NetworkPolicyPeer.namespaces(LabelSelector.parse(selector)));
    }

    /** Allows every pod of the namespaces labelled {@code key=value}. */
    public EgressRule toNamespace(String key, String value) {
      return peer(NetworkPolicyPeer.namespaces(selector(key, value)));
    }

    /** Allows the pods matching both: one peer with both selectors (AND). */
    public EgressRule toPodsInNamespaces(String podSelector, String namespaceSelector) {
      return peer(NetworkPolicyPeer.podsInNamespaces(LabelSelector.parse(podSelector),
          LabelSelector.parse(namespaceSelector)));
    }

    /** Allows the addresses in {@code cidr} but in none of {@code except}. */
    public EgressRule toIpBlock(String cidr, String... except) {
      return peer(ipBlock(cidr, except));
    }

    /** Adds a {@code to} peer exactly as given. */
    public EgressRule to(NetworkPolicyPeer peer) {
      return peer(peer);
    }
  }
}
