package io.kubenetsim.jqwik;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedSet;
import java.util.Arrays;

/**
 * How big the clusters {@link KubeArbitraries#clusters(ClusterShape)} generates may be, and
 * which kinds of Service they hold. Small by default, since every try builds and settles a
 * whole cluster; shrinking goes towards the minimums (one namespace, one client, nothing else).
 *
 * <pre>{@code
 * KubeArbitraries.clusters(ClusterShape.defaults()
 *     .withServiceKinds(ServiceKind.CLUSTER_IP).withMaxPolicies(0));
 * }</pre>
 *
 * @param maxNamespaces 1 or more
 * @param maxDeployments 0 or more
 * @param maxReplicas replicas of each Deployment: 0 to this
 * @param maxClients bare client pods: 1 to this
 * @param maxServices 0 or more
 * @param maxPolicies 0 or more
 * @param serviceKinds the kinds Services are drawn from; not empty
 */
public record ClusterShape(int maxNamespaces, int maxDeployments, int maxReplicas,
    int maxClients, int maxServices, int maxPolicies,
    ImmutableSortedSet<ServiceKind> serviceKinds) {

  private static final ClusterShape DEFAULTS =
      new ClusterShape(3, 4, 3, 3, 4, 3, ImmutableSortedSet.copyOf(ServiceKind.values()));

  public ClusterShape {
    checkArgument(maxNamespaces >= 1, "maxNamespaces must be at least 1, got %s", maxNamespaces);
    checkArgument(maxClients >= 1, "maxClients must be at least 1, got %s", maxClients);
    checkArgument(maxDeployments >= 0 && maxReplicas >= 0 && maxServices >= 0
        && maxPolicies >= 0, "maximums must not be negative: %s %s %s %s", maxDeployments,
        maxReplicas, maxServices, maxPolicies);
    checkArgument(!serviceKinds.isEmpty(), "serviceKinds must name at least one kind");
  }

  /** {@return up to 3 namespaces, 4 Deployments of up to 3 replicas, 3 clients, 4 Services of
   * every kind and 3 policies} */
  public static ClusterShape defaults() {
    return DEFAULTS;
  }

  public ClusterShape withMaxNamespaces(int max) {
    return new ClusterShape(max, maxDeployments, maxReplicas, maxClients, maxServices,
        maxPolicies, serviceKinds);
  }

  public ClusterShape withMaxDeployments(int max) {
    return new ClusterShape(maxNamespaces, max, maxReplicas, maxClients, maxServices,
        maxPolicies, serviceKinds);
  }

  public ClusterShape withMaxReplicas(int max) {
    return new ClusterShape(maxNamespaces, maxDeployments, max, maxClients, maxServices,
        maxPolicies, serviceKinds);
  }

  public ClusterShape withMaxClients(int max) {
    return new ClusterShape(maxNamespaces, maxDeployments, maxReplicas, max, maxServices,
        maxPolicies, serviceKinds);
  }

  public ClusterShape withMaxServices(int max) {
    return new ClusterShape(maxNamespaces, maxDeployments, maxReplicas, maxClients, max,
        maxPolicies, serviceKinds);
  }

  public ClusterShape withMaxPolicies(int max) {
    return new ClusterShape(maxNamespaces, maxDeployments, maxReplicas, maxClients,
        maxServices, max, serviceKinds);
  }

  /** {@return this shape with Services of these kinds only} */
  public ClusterShape withServiceKinds(ServiceKind... kinds) {
    return new ClusterShape(maxNamespaces, maxDeployments, maxReplicas, maxClients,
        maxServices, maxPolicies, ImmutableSortedSet.copyOf(Arrays.asList(kinds)));
  }
}
