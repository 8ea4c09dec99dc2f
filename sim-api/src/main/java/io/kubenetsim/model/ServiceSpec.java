package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Service.spec}. Enumerated fields are kept as the API's text so that a bad value read
 * from a manifest reaches validation and is reported as kube-apiserver reports it; {@code ""}
 * means unset, and the API server's defaulting fills what upstream fills.
 *
 * @param type {@code ClusterIP} (default), {@code NodePort}, {@code LoadBalancer},
 *     {@code ExternalName}; see {@link ServiceType}
 * @param selector equality selector; empty means "no selector" (endpoints are managed by hand),
 *     never "all pods"
 * @param clusterIP {@code ""} to allocate, an address, or {@code None} for headless
 * @param sessionAffinityTimeoutSeconds {@code sessionAffinityConfig.clientIP.timeoutSeconds}
 * @param allocateLoadBalancerNodePorts LoadBalancer only; defaulted to true
 * @param healthCheckNodePort LoadBalancer with externalTrafficPolicy Local; 0 = unset
 */
public record ServiceSpec(
    String type,
    ImmutableSortedMap<String, String> selector,
    ImmutableList<ServicePort> ports,
    String clusterIP,
    ImmutableList<String> clusterIPs,
    ImmutableList<String> ipFamilies,
    String ipFamilyPolicy,
    String sessionAffinity,
    Optional<Integer> sessionAffinityTimeoutSeconds,
    String externalTrafficPolicy,
    String internalTrafficPolicy,
    boolean publishNotReadyAddresses,
    ImmutableList<String> loadBalancerSourceRanges,
    String externalName,
    ImmutableList<String> externalIPs,
    Optional<Boolean> allocateLoadBalancerNodePorts,
    int healthCheckNodePort,
    String loadBalancerClass,
    String loadBalancerIP,
    String trafficDistribution) {

  public ServiceSpec {
    checkArgument(type != null && clusterIP != null && ipFamilyPolicy != null
        && sessionAffinity != null && externalTrafficPolicy != null
        && internalTrafficPolicy != null && externalName != null && loadBalancerClass != null
        && loadBalancerIP != null && trafficDistribution != null,
        "service spec strings must not be null (use \"\" for unset)");
    checkArgument(sessionAffinityTimeoutSeconds != null && allocateLoadBalancerNodePorts != null,
        "service spec optionals must not be null");
    selector = ImmutableSortedMap.copyOf(selector);
    ports = ImmutableList.copyOf(ports);
    clusterIPs = ImmutableList.copyOf(clusterIPs);
    ipFamilies = ImmutableList.copyOf(ipFamilies);
    loadBalancerSourceRanges = ImmutableList.copyOf(loadBalancerSourceRanges);
    externalIPs = ImmutableList.copyOf(externalIPs);
  }

  /** {@return a spec with a selector and ports, everything else unset (for defaulting)} */
  public static ServiceSpec of(Map<String, String> selector, List<ServicePort> ports) {
    return new ServiceSpec("", ImmutableSortedMap.copyOf(selector), ImmutableList.copyOf(ports),
        "", ImmutableList.of(), ImmutableList.of(), "", "", Optional.empty(), "", "", false,
        ImmutableList.of(), "", ImmutableList.of(), Optional.empty(), 0, "", "", "");
  }

  /** {@return the type, or empty when it is not one of the four the API defines} */
  public Optional<ServiceType> serviceType() {
    return ServiceType.tryParse(type.isEmpty() ? "ClusterIP" : type);
  }

  /** {@return whether the type is {@code type} (an unset type reads as ClusterIP)} */
  public boolean isType(ServiceType expected) {
    return serviceType().filter(t -> t == expected).isPresent();
  }

  /**
   * {@return externalTrafficPolicy; unset reads as {@code Cluster}, the default} Stored
   * Services are validated, so an unknown value never reaches a reader of this.
   */
  public TrafficPolicy externalPolicy() {
    return TrafficPolicy.tryParse(externalTrafficPolicy).orElse(TrafficPolicy.CLUSTER);
  }

  /** {@return internalTrafficPolicy; unset reads as {@code Cluster}, the default} */
  public TrafficPolicy internalPolicy() {
    return TrafficPolicy.tryParse(internalTrafficPolicy).orElse(TrafficPolicy.CLUSTER);
  }

  /** {@return whether the Service is headless ({@code clusterIP: None})} */
  public boolean isHeadless() {
    return "None".equals(clusterIP);
  }

  /** {@return whether the Service has a selector (so the controller manages its endpoints)} */
  public boolean hasSelector() {
    return !selector.isEmpty();
  }

  /** {@return a copy changed through a mutable {@link Builder}: {@code s.with(b -> { b.type = "NodePort"; return b; })}} */
  public ServiceSpec with(java.util.function.UnaryOperator<Builder> change) {
    return change.apply(new Builder(this)).build();
  }

  /** A mutable copy of a spec, for {@link #with}. */
  public static final class Builder {
    public String type;
    public Map<String, String> selector;
    public List<ServicePort> ports;
    public String clusterIP;
    public List<String> clusterIPs;
    public List<String> ipFamilies;
    public String ipFamilyPolicy;
    public String sessionAffinity;
    public Optional<Integer> sessionAffinityTimeoutSeconds;
    public String externalTrafficPolicy;
    public String internalTrafficPolicy;
    public boolean publishNotReadyAddresses;
    public List<String> loadBalancerSourceRanges;
    public String externalName;
    public List<String> externalIPs;
    public Optional<Boolean> allocateLoadBalancerNodePorts;
    public int healthCheckNodePort;
    public String loadBalancerClass;
    public String loadBalancerIP;
    public String trafficDistribution;

    Builder(ServiceSpec s) {
      type = s.type;
      selector = s.selector;
      ports = s.ports;
      clusterIP = s.clusterIP;
      clusterIPs = s.clusterIPs;
      ipFamilies = s.ipFamilies;
      ipFamilyPolicy = s.ipFamilyPolicy;
      sessionAffinity = s.sessionAffinity;
      sessionAffinityTimeoutSeconds = s.sessionAffinityTimeoutSeconds;
      externalTrafficPolicy = s.externalTrafficPolicy;
      internalTrafficPolicy = s.internalTrafficPolicy;
      publishNotReadyAddresses = s.publishNotReadyAddresses;
      loadBalancerSourceRanges = s.loadBalancerSourceRanges;
      externalName = s.externalName;
      externalIPs = s.externalIPs;
      allocateLoadBalancerNodePorts = s.allocateLoadBalancerNodePorts;
      healthCheckNodePort = s.healthCheckNodePort;
      loadBalancerClass = s.loadBalancerClass;
      loadBalancerIP = s.loadBalancerIP;
      trafficDistribution = s.trafficDistribution;
    }

    ServiceSpec build() {
      return new ServiceSpec(type, ImmutableSortedMap.copyOf(selector),
          ImmutableList.copyOf(ports), clusterIP, ImmutableList.copyOf(clusterIPs),
          ImmutableList.copyOf(ipFamilies), ipFamilyPolicy, sessionAffinity,
          sessionAffinityTimeoutSeconds, externalTrafficPolicy, internalTrafficPolicy,
          publishNotReadyAddresses, ImmutableList.copyOf(loadBalancerSourceRanges), externalName,
          ImmutableList.copyOf(externalIPs), allocateLoadBalancerNodePorts, healthCheckNodePort,
          loadBalancerClass, loadBalancerIP, trafficDistribution);
    }
  }
}
