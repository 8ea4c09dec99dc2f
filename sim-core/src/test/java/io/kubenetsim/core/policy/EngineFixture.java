package io.kubenetsim.core.policy;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.InformerFactory;
import io.kubenetsim.core.store.validation.ObjectValidator;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodPhase;
import io.kubenetsim.model.PodStatus;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.PolicyCheck;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.Reachability;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A store, lagging informers and an engine watching them, with no controllers or kubelets:
 * tests write namespaces, nodes, pods (bound and addressed by hand) and policies straight into
 * the store, then {@link #settle} lets the informers deliver. Every pod gets one container
 * serving the ports given.
 */
final class EngineFixture {
  static final Duration LAG = Duration.ofSeconds(2);

  final Simulator sim = new Simulator(8, Instant.parse("2026-01-01T00:00:00Z"));
  final ApiStore store = new ApiStore(sim, new ObjectValidator());
  final InformerFactory informers = new InformerFactory(sim, store);
  final NetworkPolicyEngine engine = newEngine();

  /** Namespaces and pods of the layout, in row order. */
  static final List<String> PODS = List.of("x/a", "x/b", "x/c", "y/a", "y/b", "y/c", "z/a",
      "z/b", "z/c");

  /**
   * {@return upstream's e2e layout (test/e2e/network/netpol): namespaces x, y, z labelled
   * {@code ns=<name>}, pods a, b, c in each labelled {@code pod=<name>}, each serving 80 and 81
   * on TCP and UDP under upstream's port names ({@code serve-80-tcp}, ...); a and c on node-1
   * (172.18.0.2), b on node-2 (172.18.0.3); IPs as {@link #ipOf}, settled}
   */
  static EngineFixture layout() {
    EngineFixture f = new EngineFixture().node("node-1", NODE_1).node("node-2", NODE_2);
    for (String ns : List.of("x", "y", "z")) {
      f.namespace(ns, "ns=" + ns);
    }
    for (String pod : PODS) {
      String name = pod.substring(2);
      f.pod(pod, "pod=" + name, name.equals("b") ? "node-2" : "node-1", ipOf(pod),
          new ContainerPort("serve-80-tcp", 80, Protocol.TCP, 0),
          new ContainerPort("serve-81-tcp", 81, Protocol.TCP, 0),
          new ContainerPort("serve-80-udp", 80, Protocol.UDP, 0),
          new ContainerPort("serve-81-udp", 81, Protocol.UDP, 0));
    }
    return f.settle();
  }

  static final String NODE_1 = "172.18.0.2";
  static final String NODE_2 = "172.18.0.3";

  /** {@return the layout pod's IP: 10.244.&lt;node&gt;.&lt;10 per namespace + pod&gt;} */
  static String ipOf(String pod) {
    int namespace = pod.charAt(0) - 'x' + 1;
    int name = pod.charAt(2) - 'a';
    return "10.244." + (name == 1 ? 2 : 1) + "." + (namespace * 10 + name);
  }

  /** {@return another engine on the same informers, compiled from what they show now} */
  NetworkPolicyEngine newEngine() {
    return new NetworkPolicyEngine(informers.informer(NetworkPolicy.class, LAG),
        informers.informer(Pod.class, LAG), informers.informer(Namespace.class, LAG),
        informers.informer(Node.class, LAG));
  }

  EngineFixture namespace(String name, String labels) {
    store.create(new Namespace(ObjectMeta.named(name).withLabels(Labels.parse(labels)),
        "Active"), "test", "");
    return this;
  }

  EngineFixture node(String name, String ip) {
    store.create(Node.of(name, ip), "test", "");
    return this;
  }

  /** A running pod {@code ns/name} on {@code node} at {@code ip}, serving {@code ports}. */
  EngineFixture pod(String key, String labels, String node, String ip, ContainerPort... ports) {
    NamespacedName name = NamespacedName.parse(key);
    Pod pod = Pod.of(name.namespace(), name.name(), Labels.parse(labels),
        Container.of("c", "agnhost", List.of(ports)));
    store.create(pod, "test", "");
    bind(key, node, ip);
    return this;
  }

  /** A hostNetwork pod: its IP is its node's. */
  EngineFixture hostNetworkPod(String key, String labels, String node, String nodeIp) {
    NamespacedName name = NamespacedName.parse(key);
    Pod pod = Pod.of(name.namespace(), name.name(), Labels.parse(labels),
        Container.of("c", "agnhost", List.of()));
    store.create(pod.withSpec(pod.spec().withHostNetwork(true)), "test", "");
    bind(key, node, nodeIp);
    return this;
  }

  /** Binds the pod and gives it this IP (a new IP, when the pod had one). */
  EngineFixture bind(String key, String node, String ip) {
    store.patch(Pod.class, NamespacedName.parse(key), p -> p
        .withSpec(p.spec().withNodeName(node))
        .withStatus(new PodStatus(PodPhase.RUNNING, ImmutableList.of(), "", ip,
            ImmutableList.of(ip), Optional.empty(), ImmutableList.of(), "")), "test", "");
    return this;
  }

  EngineFixture relabelPod(String key, String labels) {
    store.patch(Pod.class, NamespacedName.parse(key),
        p -> p.withMetadata(p.metadata().withLabels(Labels.parse(labels))), "test", "");
    return this;
  }

  EngineFixture relabelNamespace(String name, String labels) {
    store.patch(Namespace.class, NamespacedName.of("", name),
        n -> n.withMetadata(n.metadata().withLabels(Labels.parse(labels))), "test", "");
    return this;
  }

  EngineFixture deletePod(String key) {
    store.remove(ObjectRef.namespaced(Pod.KIND, NamespacedName.parse(key)), "test", "");
    return this;
  }

  /** Creates the policy, or updates it when one of that name exists. */
  EngineFixture apply(NetworkPolicy policy) {
    if (store.get(NetworkPolicy.class, policy.metadata().key()).isPresent()) {
      store.update(policy, "test", "");
    } else {
      store.create(policy, "test", "");
    }
    return this;
  }

  EngineFixture deletePolicy(String key) {
    store.delete(ObjectRef.namespaced(NetworkPolicy.KIND, NamespacedName.parse(key)), Optional.empty(),
        "test", "");
    return this;
  }

  /** Lets every informer deliver what was written. */
  EngineFixture settle() {
    sim.runFor(LAG);
    return this;
  }

  /** {@return the checks of a connection without NAT (one source address)} */
  List<PolicyCheck> check(String source, String destination, int port, Protocol protocol) {
    return engine.check(ip(source), ip(source), ip(destination), port, protocol);
  }

  /**
   * {@return the checks of a connection without NAT from one layout pod (or address) to
   * another, in {@link #summary} form}
   */
  String checks(String source, String destination, int port, Protocol protocol) {
    return summary(check(address(source), address(destination), port, protocol));
  }

  /**
   * {@return every field of each check but the reason, one clause per check: {@code ingress
   * x/a [x/deny] denied}, {@code egress y/b open allowed} (not isolated), {@code ... allowed
   * by x/p ingress[0]}}
   */
  static String summary(List<PolicyCheck> checks) {
    return checks.stream().map(c -> c.direction().apiName() + " " + c.pod() + " "
        + (c.isolated() ? c.policies().toString() : "open") + " "
        + (c.allowed() ? "allowed" : "denied") + c.allowedBy().map(r -> " by " + r).orElse(""))
        .collect(java.util.stream.Collectors.joining("; "));
  }

  /** {@return the stored pod's IP for {@code namespace/name}, or the text itself} */
  String address(String podOrAddress) {
    return podOrAddress.contains("/") ? store.get(Pod.class, NamespacedName.parse(podOrAddress))
        .orElseThrow().status().podIP() : podOrAddress;
  }

  /** {@return whether every check of a connection without NAT allows it} */
  boolean allowed(String source, String destination, int port) {
    return check(source, destination, port, Protocol.TCP).stream()
        .allMatch(PolicyCheck::allowed);
  }

  Reachability matrix(List<String> pods, int port, Protocol protocol) {
    List<NamespacedName> names = pods.stream().map(NamespacedName::parse).toList();
    return engine.reachability(names, names, port, protocol);
  }

  static IpAddress ip(String text) {
    return IpAddress.parse(text);
  }
}
