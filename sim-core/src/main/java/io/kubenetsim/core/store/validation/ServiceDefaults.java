package io.kubenetsim.core.store.validation;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.LoadBalancerIngress;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.model.ServiceStatus;
import io.kubenetsim.net.IpFamily;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What kube-apiserver fills in a Service before validating it: the decoder's defaults
 * (upstream's {@code SetDefaults_Service} in {@code pkg/apis/core/v1/defaults.go}) and the
 * registry's preparation ({@code normalizeClusterIPs}, {@code initIPFamilyFields}; on update
 * also {@code patchAllocatedValues} and {@code dropTypeDependentFields}).
 *
 * <p>The store calls this, never {@code ObjectValidator}: create is {@code apply(submitted)}
 * then validate; update is {@code applyUpdate(stored, submitted)} then validate. Both are pure
 * functions of their arguments. {@code apply} is idempotent ({@code apply(apply(s))} equals
 * {@code apply(s)}); it never allocates, so {@code clusterIP} and node ports stay unset until
 * the allocator fills them.
 *
 * <pre>{@code
 * Service defaulted = ServiceDefaults.apply(Service.of("shop", "web", Map.of("app", "web"),
 *     ServicePort.of(80)));
 * defaulted.spec().type();        // "ClusterIP"
 * defaulted.spec().ipFamilies();  // ["IPv4"]
 * }</pre>
 */
public final class ServiceDefaults {

  /** Upstream's {@code DefaultClientIPServiceAffinitySeconds}: three hours. */
  public static final int DEFAULT_CLIENT_IP_TIMEOUT_SECONDS = 10800;

  /** The families of a cluster with one IPv4 service range, kube-netsim's default. */
  public static final List<IpFamily> SINGLE_STACK_IPV4 = ImmutableList.of(IpFamily.IPV4);

  private ServiceDefaults() {}

  /** {@return {@link #apply(Service, List)} for a single-stack IPv4 cluster} */
  public static Service apply(Service service) {
    return apply(service, SINGLE_STACK_IPV4);
  }

  /**
   * {@return a Service being created, defaulted as the API server defaults it}
   *
   * <p>Steps: {@code SetDefaults_Service} (type, session affinity and its timeout, targetPort,
   * external and internal traffic policy, allocateLoadBalancerNodePorts, ingress ipMode); then
   * {@code clusterIPs} from {@code clusterIP}; then {@code ipFamilyPolicy} and {@code
   * ipFamilies} ({@link ServiceFamilyInit}). Status is left as given.
   *
   * @param clusterFamilies the cluster's service IP families, primary first (one or two); use
   *     the same list as the validator ({@link ServiceValidation#ipFamilies()})
   */
  public static Service apply(Service service, List<IpFamily> clusterFamilies) {
    checkFamilies(clusterFamilies);
    Service defaulted = setDefaults(service);
    ServiceSpec spec = normalizeClusterIps(defaulted.spec(), Optional.empty());
    spec = ServiceFamilyInit.run(spec, Optional.empty(), clusterFamilies).spec();
    return defaulted.withSpec(spec);
  }

  /** {@return {@link #applyUpdate(Service, Service, List)} for a single-stack IPv4 cluster} */
  public static Service applyUpdate(Service old, Service updated) {
    return applyUpdate(old, updated, SINGLE_STACK_IPV4);
  }

  /**
   * {@return {@code updated} as the API server prepares it to replace the stored {@code old}}
   *
   * <p>Steps, in upstream's order: {@code SetDefaults_Service} on {@code updated}; carry over
   * what the server allocated and the user left unset ({@code patchAllocatedValues}: clusterIP
   * and clusterIPs, each port's nodePort by port <em>name</em>, healthCheckNodePort), so
   * re-applying a manifest without them succeeds; sync {@code clusterIPs} with {@code
   * clusterIP} ({@code normalizeClusterIPs}); fill families ({@link ServiceFamilyInit}, an unset
   * policy taking the old one); wipe what the new type no longer uses if the user left it
   * unchanged ({@code dropTypeDependentFields}); and clear the load-balancer status unless the
   * new type is LoadBalancer.
   *
   * @param old the stored Service, already defaulted and allocated
   * @param clusterFamilies as for {@link #apply(Service, List)}
   */
  public static Service applyUpdate(Service old, Service updated,
      List<IpFamily> clusterFamilies) {
    checkFamilies(clusterFamilies);
    Service defaulted = setDefaults(updated);
    ServiceSpec spec = patchAllocatedValues(defaulted.spec(), old.spec());
    spec = normalizeClusterIps(spec, Optional.of(old.spec()));
    spec = ServiceFamilyInit.run(spec, Optional.of(old.spec()), clusterFamilies).spec();
    spec = ServiceTypeChange.dropTypeDependentFields(spec, old.spec());
    Service result = defaulted.withSpec(spec);
    return spec.type().equals(ServiceFields.LOAD_BALANCER)
        ? result : result.withStatus(ServiceStatus.empty());
  }

  /** Upstream's {@code SetDefaults_Service}. */
  static Service setDefaults(Service service) {
    ServiceSpec spec = service.spec().with(b -> {
      if (b.sessionAffinity.isEmpty()) {
        b.sessionAffinity = ServiceFields.NONE;
      }
      if (b.sessionAffinity.equals(ServiceFields.NONE)) {
        b.sessionAffinityTimeoutSeconds = Optional.empty();
      }
      if (b.sessionAffinity.equals(ServiceFields.CLIENT_IP)
          && b.sessionAffinityTimeoutSeconds.isEmpty()) {
        b.sessionAffinityTimeoutSeconds = Optional.of(DEFAULT_CLIENT_IP_TIMEOUT_SECONDS);
      }
      if (b.type.isEmpty()) {
        b.type = ServiceFields.CLUSTER_IP;
      }
      b.ports = b.ports.stream().map(ServiceDefaults::defaultTargetPort).toList();
      return b;
    });
    boolean accessible = ServiceFields.externallyAccessible(spec);
    String type = spec.type();
    spec = spec.with(b -> {
      if (accessible && b.externalTrafficPolicy.isEmpty()) {
        b.externalTrafficPolicy = ServiceFields.CLUSTER;
      }
      if (b.internalTrafficPolicy.isEmpty() && (type.equals(ServiceFields.NODE_PORT)
          || type.equals(ServiceFields.LOAD_BALANCER) || type.equals(ServiceFields.CLUSTER_IP))) {
        b.internalTrafficPolicy = ServiceFields.CLUSTER;
      }
      if (type.equals(ServiceFields.LOAD_BALANCER) && b.allocateLoadBalancerNodePorts.isEmpty()) {
        b.allocateLoadBalancerNodePorts = Optional.of(true);
      }
      return b;
    });
    Service result = service.withSpec(spec);
    return type.equals(ServiceFields.LOAD_BALANCER) ? withIngressIpMode(result) : result;
  }

  private static ServicePort defaultTargetPort(ServicePort port) {
    IntOrString target = port.targetPort();
    boolean unset = target.intValue().map(v -> v == 0).orElse(false)
        || target.stringValue().map(String::isEmpty).orElse(false);
    return unset ? port.withTargetPort(IntOrString.of(port.port())) : port;
  }

  /** An ingress IP without {@code ipMode} gets {@code VIP} (gate LoadBalancerIPMode, GA). */
  private static Service withIngressIpMode(Service service) {
    List<LoadBalancerIngress> ingress = new ArrayList<>();
    for (LoadBalancerIngress point : service.status().loadBalancerIngress()) {
      ingress.add(!point.ip().isEmpty() && point.ipMode().isEmpty()
          ? new LoadBalancerIngress(point.ip(), point.hostname(), "VIP") : point);
    }
    return ingress.equals(service.status().loadBalancerIngress())
        ? service : service.withStatus(ServiceStatus.of(ingress));
  }

  /** Upstream's {@code normalizeClusterIPs}: keep {@code clusterIPs[0]} in step. */
  static ServiceSpec normalizeClusterIps(ServiceSpec spec, Optional<ServiceSpec> before) {
    if (before.isEmpty()) {
      if (!spec.clusterIP().isEmpty() && spec.clusterIPs().isEmpty()) {
        return withClusterIps(spec, ImmutableList.of(spec.clusterIP()));
      }
      return spec;
    }
    ServiceSpec old = before.get();
    ServiceSpec current = spec;
    if (!old.clusterIPs().isEmpty() && current.clusterIPs().isEmpty()
        && old.clusterIP().equals(current.clusterIP())) {
      current = withClusterIps(current, old.clusterIPs());
    }
    if (!old.clusterIP().equals(current.clusterIP())
        && old.clusterIPs().equals(current.clusterIPs())) {
      // Cleared: clear the list on the user's behalf; changed: follow the singular field.
      current = withClusterIps(current, current.clusterIP().isEmpty() && !old.clusterIP().isEmpty()
          ? ImmutableList.of() : ImmutableList.of(current.clusterIP()));
    }
    return current;
  }

  /** Upstream's {@code patchAllocatedValues}. */
  static ServiceSpec patchAllocatedValues(ServiceSpec spec, ServiceSpec old) {
    boolean clusterIps = ServiceFields.needsClusterIP(old) && ServiceFields.needsClusterIP(spec);
    boolean nodePorts = ServiceFields.needsNodePort(old) && ServiceFields.needsNodePort(spec);
    boolean healthCheck = ServiceFields.needsHealthCheck(old)
        && ServiceFields.needsHealthCheck(spec);
    return spec.with(b -> {
      if (clusterIps) {
        if (b.clusterIP.isEmpty()) {
          b.clusterIP = old.clusterIP();
        }
        if (b.clusterIPs.isEmpty() && !old.clusterIPs().isEmpty()) {
          b.clusterIPs = old.clusterIPs();
        }
      }
      if (nodePorts) {
        b.ports = carryNodePorts(spec, old);
      }
      if (healthCheck && b.healthCheckNodePort == 0) {
        b.healthCheckNodePort = old.healthCheckNodePort();
      }
      return b;
    });
  }

  /**
   * Each port without a nodePort gets the old nodePort of the port with the same name, unless
   * that value is one the new spec keeps on some port too. Upstream matches by name, not by
   * (port, protocol): renumbering a port keeps its nodePort, renaming it loses it.
   */
  private static List<ServicePort> carryNodePorts(ServiceSpec spec, ServiceSpec old) {
    Set<Integer> used = new HashSet<>(ServiceFields.nodePorts(old)); // lookup only
    used.retainAll(new HashSet<>(ServiceFields.nodePorts(spec)));
    Map<String, Integer> byName = new LinkedHashMap<>();
    for (ServicePort port : old.ports()) {
      byName.put(port.name(), port.nodePort());
    }
    List<ServicePort> ports = new ArrayList<>();
    for (ServicePort port : spec.ports()) {
      int previous = byName.getOrDefault(port.name(), 0);
      ports.add(port.nodePort() == 0 && !used.contains(previous)
          ? port.withNodePort(previous) : port);
    }
    return ports;
  }

  private static ServiceSpec withClusterIps(ServiceSpec spec, List<String> clusterIps) {
    return spec.with(b -> {
      b.clusterIPs = clusterIps;
      return b;
    });
  }

  private static void checkFamilies(List<IpFamily> families) {
    checkArgument(!families.isEmpty() && families.size() <= 2
            && (families.size() == 1 || families.get(0) != families.get(1)),
        "cluster IP families must be one family or two different ones, primary first; got %s",
        families);
  }
}
