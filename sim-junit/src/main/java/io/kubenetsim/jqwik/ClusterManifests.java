package io.kubenetsim.jqwik;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.Cluster;
import io.kubenetsim.ClusterBuilder;
import io.kubenetsim.KubeSim;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole cluster's worth of user objects — namespaces, Deployments, Services, NetworkPolicies
 * and bare client pods — as {@link KubeArbitraries#clusters()} generates them: valid, and
 * referring to each other (Services select generated pods and target their ports, policies
 * select generated labels and ports).
 *
 * <p>{@code toString()} is the multi-document YAML that reproduces the cluster, so a failing
 * property prints its shrunk counterexample as a manifest: save it and run {@code kubectl apply
 * -f} with kube-netsim's CLI, or {@link Cluster#applyYaml(String)} it. {@link #build} makes
 * the cluster from that same text, so what a property ran and what it printed never differ.
 *
 * <pre>{@code
 * @Property(tries = 20)
 * void everyServiceResolves(@ForAll("clusters") ClusterManifests manifests) {
 *   Cluster c = manifests.build(42, 2, ProxyMode.IPVS);   // applied and settled
 *   ...
 * }
 *
 * @Provide
 * Arbitrary<ClusterManifests> clusters() {
 *   return KubeArbitraries.clusters();
 * }
 * }</pre>
 *
 * <p>Immutable; lists keep the order objects are applied in.
 */
public record ClusterManifests(ImmutableList<Namespace> namespaces,
    ImmutableList<Deployment> deployments, ImmutableList<Pod> clients,
    ImmutableList<Service> services, ImmutableList<NetworkPolicy> policies) {

  public ClusterManifests {
    namespaces = ImmutableList.copyOf(namespaces);
    deployments = ImmutableList.copyOf(deployments);
    clients = ImmutableList.copyOf(clients);
    services = ImmutableList.copyOf(services);
    policies = ImmutableList.copyOf(policies);
  }

  /** {@return every object, in the order they are applied: namespaces first, policies last} */
  public List<KubernetesObject> objects() {
    List<KubernetesObject> all = new ArrayList<>(namespaces);
    all.addAll(deployments);
    all.addAll(clients);
    all.addAll(services);
    all.addAll(policies);
    return all;
  }

  /** {@return the Services of one kind, in apply order} */
  public List<Service> services(ServiceKind kind) {
    return services.stream().filter(s -> ServiceKind.of(s) == kind).toList();
  }

  /** {@return the same cluster without NetworkPolicies} */
  public ClusterManifests withoutPolicies() {
    return withPolicies(List.of());
  }

  /** {@return the same cluster with these NetworkPolicies instead of its own} */
  public ClusterManifests withPolicies(List<NetworkPolicy> newPolicies) {
    return new ClusterManifests(namespaces, deployments, clients, services,
        ImmutableList.copyOf(newPolicies));
  }

  /**
   * {@return the manifests as multi-document YAML, each document starting with {@code ---}}
   * Written by {@link KubeSim#toYaml}, as {@code kubectl get -o yaml} writes objects.
   */
  public String toYaml() {
    return KubeSim.toYaml(objects());
  }

  /**
   * {@return a new settled cluster holding these objects}: built from {@code seed}, {@code nodes}
   * and the kube-proxy {@code mode}, then {@link Cluster#applyYaml(String)} of {@link #toYaml()}
   * and {@link Cluster#settle()}.
   */
  public Cluster build(long seed, int nodes, ProxyMode mode) {
    return build(KubeSim.cluster().seed(seed).nodes(nodes).proxyMode(mode));
  }

  /**
   * {@return a new settled cluster from {@code builder}, holding these objects} For settings
   * {@link #build(long, int, ProxyMode)} does not take: informer lag, policy enforcement, …
   * The generators' ipBlocks assume kube-netsim's default pod and node networks.
   */
  public Cluster build(ClusterBuilder builder) {
    Cluster cluster = builder.build();
    cluster.applyYaml(toYaml());
    return cluster.settle();
  }

  /** {@return a one-line count of what the cluster holds, then its YAML} */
  @Override
  public String toString() {
    return "# " + namespaces.size() + " namespace(s), " + deployments.size() + " Deployment(s), "
        + clients.size() + " client pod(s), " + services.size() + " Service(s), "
        + policies.size() + " NetworkPolicy(ies)\n" + toYaml();
  }
}
