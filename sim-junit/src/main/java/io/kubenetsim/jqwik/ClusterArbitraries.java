package io.kubenetsim.jqwik;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.jqwik.Vocabulary.LabelPick;
import io.kubenetsim.jqwik.Vocabulary.PortPick;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.Service;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Whole clusters ({@link ClusterManifests}) as one combination of independent lists of drafts
 * over one {@link Vocabulary}; {@link #assemble} then resolves every pick: a namespace index to
 * a namespace, a Service's target index to a Deployment's (or a client's) pods, a policy's
 * selectors and ports to the labels and ports the assembled pods carry. No draft depends on
 * another while generating, so each list shrinks on its own, and a pick shrinks towards the
 * first namespace, Deployment or word.
 */
final class ClusterArbitraries {
  private ClusterArbitraries() {}

  /** A namespace: its name and labels. */
  record NamespaceDraft(String name, ImmutableList<LabelPick> labels) {}

  /** A Deployment or a client pod: where, labels, replicas (ignored for a pod), ports. */
  record PodsDraft(String name, int namespacePick, ImmutableList<LabelPick> labels,
      int replicas, ImmutableList<PortPick> ports) {}

  /** A Service and which pods it fronts: Deployments first, then client pods, by index. */
  record TargetedService(int targetPick, ServiceDraft draft) {}

  static Arbitrary<ClusterManifests> clusters(ClusterShape shape) {
    Arbitrary<List<NamespaceDraft>> namespaces = namespaces().list().ofMinSize(1)
        .ofMaxSize(shape.maxNamespaces()).uniqueElements(NamespaceDraft::name);
    Arbitrary<List<PodsDraft>> deployments = pods(shape.maxReplicas(), 0).list()
        .ofMaxSize(shape.maxDeployments()).uniqueElements(PodsDraft::name);
    // Clients carry at least one label, so that Services and policies can select them.
    Arbitrary<List<PodsDraft>> clients = pods(0, 1).list().ofMinSize(1)
        .ofMaxSize(shape.maxClients()).uniqueElements(PodsDraft::name);
    Arbitrary<List<TargetedService>> services = Combinators.combine(
        Arbitraries.integers().between(0, 15),
        ServiceArbitraries.drafts(shape.serviceKinds().toArray(ServiceKind[]::new)))
        .as(TargetedService::new).list().ofMaxSize(shape.maxServices())
        .uniqueElements(s -> s.draft().name());
    Arbitrary<List<PolicyDraft>> policies = PolicyArbitraries.drafts().list()
        .ofMaxSize(shape.maxPolicies()).uniqueElements(PolicyDraft::name);
    return Combinators.combine(Vocabulary.vocabularies(), namespaces, deployments, clients,
        services, policies).as(ClusterArbitraries::assemble);
  }

  private static Arbitrary<NamespaceDraft> namespaces() {
    return Combinators.combine(NameArbitraries.namespaceNames(),
        Vocabulary.labelPicks().list().ofMaxSize(2))
        .as((name, labels) -> new NamespaceDraft(name, ImmutableList.copyOf(labels)));
  }

  private static Arbitrary<PodsDraft> pods(int maxReplicas, int minLabels) {
    Arbitrary<Integer> replicas = maxReplicas == 0 ? Arbitraries.just(0)
        : Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0)),
            Tuple.of(4, Arbitraries.integers().between(1, maxReplicas)));
    return Combinators.combine(NameArbitraries.dns1123Labels(63),
        Arbitraries.integers().between(0, 7),
        Vocabulary.labelPicks().list().ofMinSize(minLabels).ofMaxSize(2), replicas,
        Vocabulary.portPicks().list().ofMaxSize(3))
        .as((name, namespace, labels, count, ports) -> new PodsDraft(name, namespace,
            ImmutableList.copyOf(labels), count, ImmutableList.copyOf(ports)));
  }

  /** Resolves every draft's picks against the namespaces, pods and vocabulary. */
  static ClusterManifests assemble(Vocabulary words, List<NamespaceDraft> namespaceDrafts,
      List<PodsDraft> deploymentDrafts, List<PodsDraft> clientDrafts,
      List<TargetedService> serviceDrafts, List<PolicyDraft> policyDrafts) {
    List<Namespace> namespaces = namespaceDrafts.stream().map(d -> Namespace.of(d.name())
        .withMetadata(Namespace.of(d.name()).metadata().withLabels(words.labels(d.labels()))))
        .toList();
    List<String> names = namespaces.stream().map(n -> n.metadata().name()).toList();
    List<Deployment> deployments = deploymentDrafts.stream()
        .map(d -> WorkloadArbitraries.deployment(pick(names, d.namespacePick()), d.name(),
            words.labels(d.labels()), d.replicas(), words.ports(d.ports())))
        .toList();
    List<Pod> clients = clientDrafts.stream()
        .map(d -> WorkloadArbitraries.client(pick(names, d.namespacePick()), d.name(),
            words.labels(d.labels()), words.ports(d.ports())))
        .toList();

    List<ServiceDraft.Target> targets = new ArrayList<>();
    deployments.forEach(d -> targets.add(new ServiceDraft.Target(d.metadata().namespace(),
        d.spec().template().labels(), d.spec().template().spec().allPorts())));
    clients.forEach(p -> targets.add(new ServiceDraft.Target(p.metadata().namespace(),
        p.metadata().labels(), p.spec().allPorts())));
    List<Service> services = serviceDrafts.stream()
        .map(s -> s.draft().resolve(pick(targets, s.targetPick()))).toList();

    ClusterManifests base = new ClusterManifests(ImmutableList.copyOf(namespaces),
        ImmutableList.copyOf(deployments), ImmutableList.copyOf(clients),
        ImmutableList.copyOf(services), ImmutableList.of());
    PolicyDraft.Context context = policyContext(base);
    return base.withPolicies(policyDrafts.stream().map(p -> p.resolve(context)).toList());
  }

  /**
   * {@return what policies in {@code cluster} may refer to}: its namespaces, the labels of its
   * pods and namespaces (with the {@code kubernetes.io/metadata.name} label the API server
   * stamps on each namespace), and its pods' container ports
   */
  static PolicyDraft.Context policyContext(ClusterManifests cluster) {
    List<Labels> namespaceLabels = new ArrayList<>();
    for (Namespace namespace : cluster.namespaces()) {
      namespaceLabels.add(namespace.metadata().labels()
          .with(Namespace.NAME_LABEL, namespace.metadata().name()));
    }
    List<Labels> podLabels = new ArrayList<>();
    List<ContainerPort> ports = new ArrayList<>();
    for (Deployment d : cluster.deployments()) {
      podLabels.add(d.spec().template().labels());
      ports.addAll(d.spec().template().spec().allPorts());
    }
    for (Pod client : cluster.clients()) {
      podLabels.add(client.metadata().labels());
      ports.addAll(client.spec().allPorts());
    }
    List<String> names = cluster.namespaces().stream().map(n -> n.metadata().name()).toList();
    return new PolicyDraft.Context(names, LabelPool.of(podLabels),
        LabelPool.of(namespaceLabels), ports);
  }

  private static <T> T pick(List<T> items, int pick) {
    return items.get(Math.floorMod(pick, items.size()));
  }
}
