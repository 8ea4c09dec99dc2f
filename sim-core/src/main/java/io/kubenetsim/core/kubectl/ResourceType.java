package io.kubenetsim.core.kubectl;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.ConfigMap;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.Endpoints;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.ReplicaSet;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceCIDR;
import io.kubenetsim.model.StatefulSet;
import io.kubenetsim.model.UpstreamZone;
import java.util.Locale;
import java.util.Optional;

/**
 * A resource type kubectl can name on the command line: its plural resource name, API group,
 * the spellings kubectl accepts ({@code pods}, {@code pod}, {@code po}), its scope, the model
 * record it maps to and its table printer. {@link #all()} lists the known types in a fixed
 * order; {@link #lookup} finds one by any spelling, case-insensitively, as kubectl's REST
 * mapper does.
 *
 * <pre>{@code
 * ResourceType<?> type = ResourceType.lookup("deploy").orElseThrow();
 * type.qualifiedResource();  // "deployments.apps", as in NotFound messages
 * }</pre>
 *
 * @param resource the plural lower-case resource name, {@code pods}
 * @param group the API group, {@code ""} for the core group
 * @param singular the singular lower-case name, {@code pod}
 * @param names every spelling accepted on the command line, lower case
 * @param <T> the model record
 */
public record ResourceType<T extends KubernetesObject>(
    String resource,
    String group,
    String singular,
    ImmutableList<String> names,
    Class<T> type,
    boolean namespaced,
    ResourcePrinter<T> printer) {

  public static final ResourceType<Pod> PODS = new ResourceType<>("pods", "", "pod",
      ImmutableList.of("pods", "pod", "po"), Pod.class, true, new PodPrinter());
  public static final ResourceType<Node> NODES = new ResourceType<>("nodes", "", "node",
      ImmutableList.of("nodes", "node", "no"), Node.class, false, new NodePrinter());
  public static final ResourceType<Deployment> DEPLOYMENTS = new ResourceType<>(
      "deployments", "apps", "deployment",
      ImmutableList.of("deployments", "deployment", "deploy", "deployments.apps",
          "deployment.apps"),
      Deployment.class, true, new DeploymentPrinter());
  public static final ResourceType<ReplicaSet> REPLICA_SETS = new ResourceType<>(
      "replicasets", "apps", "replicaset",
      ImmutableList.of("replicasets", "replicaset", "rs", "replicasets.apps", "replicaset.apps"),
      ReplicaSet.class, true, new ReplicaSetPrinter());
  public static final ResourceType<StatefulSet> STATEFUL_SETS = new ResourceType<>(
      "statefulsets", "apps", "statefulset",
      ImmutableList.of("statefulsets", "statefulset", "sts", "statefulsets.apps",
          "statefulset.apps"),
      StatefulSet.class, true, new StatefulSetPrinter());
  public static final ResourceType<ConfigMap> CONFIG_MAPS = new ResourceType<>("configmaps", "",
      "configmap", ImmutableList.of("configmaps", "configmap", "cm"), ConfigMap.class, true,
      new ConfigMapPrinter());
  public static final ResourceType<Namespace> NAMESPACES = new ResourceType<>(
      "namespaces", "", "namespace", ImmutableList.of("namespaces", "namespace", "ns"),
      Namespace.class, false, new NamespacePrinter());
  public static final ResourceType<Service> SERVICES = new ResourceType<>("services", "",
      "service", ImmutableList.of("services", "service", "svc"), Service.class, true,
      new ServicePrinter());
  public static final ResourceType<Endpoints> ENDPOINTS = new ResourceType<>("endpoints", "",
      "endpoints", ImmutableList.of("endpoints", "ep"), Endpoints.class, true,
      new EndpointsPrinter());
  public static final ResourceType<EndpointSlice> ENDPOINT_SLICES = new ResourceType<>(
      "endpointslices", "discovery.k8s.io", "endpointslice",
      ImmutableList.of("endpointslices", "endpointslice", "endpointslices.discovery.k8s.io",
          "endpointslice.discovery.k8s.io"),
      EndpointSlice.class, true, new EndpointSlicePrinter());

  public static final ResourceType<NetworkPolicy> NETWORK_POLICIES = new ResourceType<>(
      "networkpolicies", "networking.k8s.io", "networkpolicy",
      ImmutableList.of("networkpolicies", "networkpolicy", "netpol",
          "networkpolicies.networking.k8s.io", "networkpolicy.networking.k8s.io"),
      NetworkPolicy.class, true, new NetworkPolicyPrinter());

  public static final ResourceType<ServiceCIDR> SERVICE_CIDRS = new ResourceType<>(
      "servicecidrs", "networking.k8s.io", "servicecidr",
      ImmutableList.of("servicecidrs", "servicecidr", "servicecidrs.networking.k8s.io",
          "servicecidr.networking.k8s.io"),
      ServiceCIDR.class, false, new ServiceCidrPrinter());

  /** kube-netsim's description of the names outside the cluster, not a Kubernetes kind. */
  public static final ResourceType<UpstreamZone> UPSTREAM_ZONES = new ResourceType<>(
      "upstreamzones", "sim.kubenetsim.io", "upstreamzone",
      ImmutableList.of("upstreamzones", "upstreamzone", "upstreamzones.sim.kubenetsim.io",
          "upstreamzone.sim.kubenetsim.io"),
      UpstreamZone.class, false, new UpstreamZonePrinter());

  /** What kube-apiserver v1.33+ attaches to every request for v1 Endpoints (KEP-4974). */
  static final String ENDPOINTS_DEPRECATION_WARNING =
      "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice";

  private static final ImmutableList<ResourceType<?>> ALL = ImmutableList.of(PODS, NODES,
      DEPLOYMENTS, REPLICA_SETS, STATEFUL_SETS, NAMESPACES, SERVICES, ENDPOINTS, ENDPOINT_SLICES,
      NETWORK_POLICIES, CONFIG_MAPS, SERVICE_CIDRS, UPSTREAM_ZONES);

  public ResourceType {
    checkArgument(resource != null && group != null && singular != null && type != null
        && printer != null, "resource type parts must not be null");
    names = ImmutableList.copyOf(names);
  }

  /** {@return every resource type this package knows, in a fixed order} */
  public static ImmutableList<ResourceType<?>> all() {
    return ALL;
  }

  /** {@return the resource type spelled {@code name} on a command line, if any} */
  public static Optional<ResourceType<?>> lookup(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return ALL.stream().filter(t -> t.names().contains(lower)).findFirst();
  }

  /** {@return {@code resource.group}, or the resource alone in the core group} */
  public String qualifiedResource() {
    return group.isEmpty() ? resource : resource + "." + group;
  }

  /**
   * {@return the warning the API server sends with every response about this type, as kubectl
   * prints it on stderr} Only v1 Endpoints has one (deprecated in v1.33).
   */
  public Optional<String> deprecationWarning() {
    return type == Endpoints.class ? Optional.of(ENDPOINTS_DEPRECATION_WARNING) : Optional.empty();
  }

  /** {@return the NotFound message kube-apiserver sends: {@code pods "web" not found}} */
  public String notFoundMessage(String name) {
    return qualifiedResource() + " \"" + name + "\" not found";
  }

  /**
   * {@return the line kubectl prints for it: {@code Error from server (NotFound): pods "web" not
   * found}}
   */
  public String notFoundLine(String name) {
    return "Error from server (NotFound): " + notFoundMessage(name);
  }

  @Override
  public String toString() {
    return qualifiedResource();
  }
}
