package io.kubenetsim.core.policy;

import static io.kubenetsim.core.policy.Policies.all;
import static io.kubenetsim.core.policy.Policies.expression;
import static io.kubenetsim.core.policy.Policies.ipBlock;
import static io.kubenetsim.core.policy.Policies.labels;
import static io.kubenetsim.core.policy.Policies.namespaceNamed;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyPeer;
import io.kubenetsim.model.NetworkPolicyPort;
import io.kubenetsim.model.NetworkPolicyRule;
import io.kubenetsim.model.NetworkPolicySpec;
import io.kubenetsim.model.Pod;
import io.kubenetsim.net.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Small random clusters and random valid NetworkPolicies for {@link NetworkPolicyProperties}.
 * Two nodes; namespaces {@code p} and {@code q} with random {@code team} labels; one to three
 * pods in each with random {@code app} and {@code tier} labels and one of two port sets (so a
 * named port resolves to different numbers on different pods); sometimes a hostNetwork pod
 * {@code p/host} on node-1. Policies draw from small vocabularies of selectors, peers, ports
 * and ipBlocks that overlap the cluster's labels and addresses, so that most rules match
 * something and many match partly.
 */
final class RandomPolicyClusters {
  private RandomPolicyClusters() {}

  static final List<String> NAMESPACES = List.of("p", "q");

  /** The ports and protocols each table is taken on. */
  static final List<Integer> PORTS = List.of(53, 80, 81);

  /** A pod to create: its labels and which port set it serves. */
  record PodDraft(Labels labels, int portSet) {}

  /** A cluster to build. */
  record Setup(long seed, Labels pLabels, Labels qLabels, List<PodDraft> pPods,
      List<PodDraft> qPods, boolean hostNetworkPod) {}

  /** A policy to create, before it is given a name. */
  record PolicyDraft(String namespace, NetworkPolicySpec spec) {
    NetworkPolicy named(String name) {
      return NetworkPolicy.of(namespace, name, spec);
    }
  }

  static Arbitrary<Setup> setups() {
    Arbitrary<Labels> namespaceLabels = Arbitraries.of(Labels.none(), Labels.of("team", "red"),
        Labels.of("team", "blue"));
    Arbitrary<List<PodDraft>> pods = podDrafts().list().ofMinSize(1).ofMaxSize(3);
    return Combinators.combine(Arbitraries.longs(), namespaceLabels, namespaceLabels, pods, pods,
        Arbitraries.of(false, false, true)).as(Setup::new);
  }

  static Arbitrary<List<PolicyDraft>> policies(int min, int max) {
    return policy().list().ofMinSize(min).ofMaxSize(max);
  }

  static Arbitrary<PolicyDraft> policy() {
    Arbitrary<List<String>> types = Arbitraries.of(List.of(), List.of(NetworkPolicySpec.INGRESS),
        List.of(NetworkPolicySpec.EGRESS),
        List.of(NetworkPolicySpec.INGRESS, NetworkPolicySpec.EGRESS));
    Arbitrary<List<NetworkPolicyRule>> rules = rules().list().ofMaxSize(2);
    Arbitrary<NetworkPolicySpec> specs = Combinators.combine(podSelectors(), types, rules, rules)
        .as(NetworkPolicySpec::of);
    return Combinators.combine(Arbitraries.of(NAMESPACES), specs).as(PolicyDraft::new);
  }

  static Arbitrary<NetworkPolicyRule> rules() {
    return Combinators.combine(ports().list().ofMaxSize(2), peers().list().ofMaxSize(2))
        .as(NetworkPolicyRule::of);
  }

  /** {@return a settled cluster as the setup describes, pods named {@code a}, {@code b}, …} */
  static Cluster build(Setup setup) {
    Cluster cluster = KubeSim.cluster().nodes(2).seed(setup.seed()).build();
    cluster.apply(namespace("p", setup.pLabels()), namespace("q", setup.qLabels()));
    create(cluster, "p", setup.pPods());
    create(cluster, "q", setup.qPods());
    if (setup.hostNetworkPod()) {
      Pod host = pod("p", "host", new PodDraft(Labels.of("app", "web"), 0));
      cluster.apply(host.withSpec(host.spec().withHostNetwork(true).withNodeName("node-1")));
    }
    cluster.settle();
    return cluster;
  }

  /** {@return every pod of the cluster, {@code namespace/name}, sorted} */
  static List<String> podNames(Cluster cluster) {
    return cluster.list(Pod.class).stream().map(p -> p.metadata().key().toString())
        .filter(name -> NAMESPACES.contains(name.substring(0, name.indexOf('/'))))
        .sorted().toList();
  }

  /** {@return the policies named {@code pol-0}, {@code pol-1}, … in draft order} */
  static List<NetworkPolicy> named(List<PolicyDraft> drafts) {
    List<NetworkPolicy> policies = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      policies.add(drafts.get(i).named("pol-" + i));
    }
    return policies;
  }

  private static Arbitrary<PodDraft> podDrafts() {
    Arbitrary<String> app = Arbitraries.of("web", "db", "");
    Arbitrary<String> tier = Arbitraries.of("fe", "be", "");
    return Combinators.combine(app, tier, Arbitraries.of(0, 1)).as((a, t, ports) -> {
      Map<String, String> labels = new TreeMap<>();
      if (!a.isEmpty()) {
        labels.put("app", a);
      }
      if (!t.isEmpty()) {
        labels.put("tier", t);
      }
      return new PodDraft(Labels.of(labels), ports);
    });
  }

  private static Arbitrary<LabelSelector> podSelectors() {
    return Arbitraries.of(all(), labels("app", "web"), labels("app", "db"), labels("tier", "fe"),
        expression("app", "In", "web", "db"), expression("tier", "NotIn", "fe"),
        expression("app", "DoesNotExist"), expression("tier", "Exists"));
  }

  private static Arbitrary<LabelSelector> namespaceSelectors() {
    return Arbitraries.of(all(), labels("team", "red"), labels("team", "blue"),
        namespaceNamed("p"), expression("team", "NotIn", "red"), expression("team", "Exists"));
  }

  private static Arbitrary<NetworkPolicyPeer> peers() {
    Arbitrary<NetworkPolicyPeer> blocks = Arbitraries.of(ipBlock("10.244.0.0/16"),
        ipBlock("10.244.0.0/16", "10.244.1.0/24"), ipBlock("0.0.0.0/0", "10.244.0.0/24"),
        ipBlock("10.244.1.0/24"), ipBlock("172.18.0.0/16"), ipBlock("10.244.0.2/32"),
        ipBlock("10.244.0.0/23", "10.244.0.3/32", "10.244.1.2/32"));
    return Arbitraries.oneOf(podSelectors().map(NetworkPolicyPeer::pods),
        namespaceSelectors().map(NetworkPolicyPeer::namespaces),
        Combinators.combine(podSelectors(), namespaceSelectors())
            .as(NetworkPolicyPeer::podsInNamespaces),
        blocks);
  }

  private static Arbitrary<NetworkPolicyPort> ports() {
    Arbitrary<Protocol> protocols = Arbitraries.of(Protocol.TCP, Protocol.TCP, Protocol.UDP,
        Protocol.SCTP);
    return Arbitraries.oneOf(
        Combinators.combine(protocols, Arbitraries.of(53, 80, 81)).as(NetworkPolicyPort::of),
        Combinators.combine(protocols, Arbitraries.of("http", "metrics", "dns", "web-sctp"))
            .as(NetworkPolicyPort::named),
        Combinators.combine(protocols, Arbitraries.of(52, 79, 80))
            .as((protocol, first) -> NetworkPolicyPort.range(protocol, first, first + 1)),
        protocols.map(NetworkPolicyPort::allPorts));
  }

  private static void create(Cluster cluster, String namespace, List<PodDraft> drafts) {
    for (int i = 0; i < drafts.size(); i++) {
      cluster.apply(pod(namespace, String.valueOf((char) ('a' + i)), drafts.get(i)));
    }
  }

  private static Namespace namespace(String name, Labels labels) {
    Namespace namespace = Namespace.of(name);
    return namespace.withMetadata(namespace.metadata().withLabels(labels));
  }

  /**
   * Port set 0: http 80/TCP, metrics 81/TCP, dns 53/UDP. Port set 1: http 81/TCP, dns 53/UDP,
   * web-sctp 80/SCTP.
   */
  private static Pod pod(String namespace, String name, PodDraft draft) {
    List<ContainerPort> ports = draft.portSet() == 0
        ? List.of(new ContainerPort("http", 80, Protocol.TCP, 0),
            new ContainerPort("metrics", 81, Protocol.TCP, 0),
            new ContainerPort("dns", 53, Protocol.UDP, 0))
        : List.of(new ContainerPort("http", 81, Protocol.TCP, 0),
            new ContainerPort("dns", 53, Protocol.UDP, 0),
            new ContainerPort("web-sctp", 80, Protocol.SCTP, 0));
    return Pod.of(namespace, name, draft.labels(), Container.of("main", "agnhost", ports));
  }
}
