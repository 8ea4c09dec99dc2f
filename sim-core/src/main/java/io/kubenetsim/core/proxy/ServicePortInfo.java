package io.kubenetsim.core.proxy;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.TrafficPolicy;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything kube-proxy needs about one service port, taken from the Service and its
 * EndpointSlices as of one sync. Immutable, and equal, hashed and printed as a record of its
 * twelve parts would be.
 *
 * <p>A class rather than a record so that what follows from the parts alone is worked out once
 * per instance: an instance is shared by every snapshot while its Service and slices stay
 * unchanged ({@link ProxyChangeTracker}), and by every node, so the first packet of a
 * connection finds {@link #clusterEndpoints()} ready instead of categorizing endpoints again.
 *
 * @param endpoints de-duplicated by {@code ip:port} and sorted by that string (so
 *     {@code 10.0.0.10:80} before {@code 10.0.0.2:80}), as upstream sorts them
 * @param nodePort 0 when none
 * @param loadBalancerIPs ingress IPs from the Service status
 * @param externalPolicy externalTrafficPolicy (Cluster for a Service with no external address)
 * @param internalPolicy internalTrafficPolicy
 * @param affinityTimeout present with ClientIP session affinity
 * @param healthCheckNodePort 0 when none
 */
public final class ServicePortInfo {
  private final ServicePortName name;
  private final IpAddress clusterIP;
  private final int port;
  private final int nodePort;
  private final ImmutableList<IpAddress> externalIPs;
  private final ImmutableList<IpAddress> loadBalancerIPs;
  private final ImmutableList<Cidr> loadBalancerSourceRanges;
  private final TrafficPolicy externalPolicy;
  private final TrafficPolicy internalPolicy;
  private final Optional<Duration> affinityTimeout;
  private final int healthCheckNodePort;
  private final ImmutableList<ProxyEndpoint> endpoints;
  /** Worked out on first use; a race would only compute the same immutable list twice. */
  private ImmutableList<ProxyEndpoint> clusterEndpoints;

  public ServicePortInfo(ServicePortName name, IpAddress clusterIP, int port, int nodePort,
      ImmutableList<IpAddress> externalIPs, ImmutableList<IpAddress> loadBalancerIPs,
      ImmutableList<Cidr> loadBalancerSourceRanges, TrafficPolicy externalPolicy,
      TrafficPolicy internalPolicy, Optional<Duration> affinityTimeout, int healthCheckNodePort,
      ImmutableList<ProxyEndpoint> endpoints) {
    this.name = name;
    this.clusterIP = clusterIP;
    this.port = port;
    this.nodePort = nodePort;
    this.externalIPs = externalIPs;
    this.loadBalancerIPs = loadBalancerIPs;
    this.loadBalancerSourceRanges = loadBalancerSourceRanges;
    this.externalPolicy = externalPolicy;
    this.internalPolicy = internalPolicy;
    this.affinityTimeout = affinityTimeout;
    this.healthCheckNodePort = healthCheckNodePort;
    this.endpoints = endpoints;
  }

  public ServicePortName name() {
    return name;
  }

  public IpAddress clusterIP() {
    return clusterIP;
  }

  public int port() {
    return port;
  }

  public int nodePort() {
    return nodePort;
  }

  public ImmutableList<IpAddress> externalIPs() {
    return externalIPs;
  }

  public ImmutableList<IpAddress> loadBalancerIPs() {
    return loadBalancerIPs;
  }

  public ImmutableList<Cidr> loadBalancerSourceRanges() {
    return loadBalancerSourceRanges;
  }

  public TrafficPolicy externalPolicy() {
    return externalPolicy;
  }

  public TrafficPolicy internalPolicy() {
    return internalPolicy;
  }

  public Optional<Duration> affinityTimeout() {
    return affinityTimeout;
  }

  public int healthCheckNodePort() {
    return healthCheckNodePort;
  }

  public ImmutableList<ProxyEndpoint> endpoints() {
    return endpoints;
  }

  /** {@return whether external traffic may only use endpoints on the node it arrived at} */
  public boolean externalLocal() {
    return externalPolicy == TrafficPolicy.LOCAL;
  }

  /** {@return whether ClusterIP traffic may only use endpoints on the client's node} */
  public boolean internalLocal() {
    return internalPolicy == TrafficPolicy.LOCAL;
  }

  /** {@return whether any endpoint could take traffic (ready, or serving and terminating)} */
  public boolean hasEndpoints() {
    return !clusterEndpoints().isEmpty();
  }

  /**
   * {@return the endpoints Cluster traffic policy uses, on every node alike} (see {@link
   * EndpointSelection}); worked out once per instance
   */
  public ImmutableList<ProxyEndpoint> clusterEndpoints() {
    ImmutableList<ProxyEndpoint> known = clusterEndpoints;
    if (known == null) {
      known = EndpointSelection.usable(endpoints);
      clusterEndpoints = known;
    }
    return known;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ServicePortInfo that && name.equals(that.name)
        && clusterIP.equals(that.clusterIP) && port == that.port && nodePort == that.nodePort
        && externalIPs.equals(that.externalIPs) && loadBalancerIPs.equals(that.loadBalancerIPs)
        && loadBalancerSourceRanges.equals(that.loadBalancerSourceRanges)
        && externalPolicy == that.externalPolicy && internalPolicy == that.internalPolicy
        && affinityTimeout.equals(that.affinityTimeout)
        && healthCheckNodePort == that.healthCheckNodePort && endpoints.equals(that.endpoints);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, clusterIP, port, nodePort, externalIPs, loadBalancerIPs,
        loadBalancerSourceRanges, externalPolicy, internalPolicy, affinityTimeout,
        healthCheckNodePort, endpoints);
  }

  /** {@return the parts as a record would print them} */
  @Override
  public String toString() {
    return "ServicePortInfo[name=" + name + ", clusterIP=" + clusterIP + ", port=" + port
        + ", nodePort=" + nodePort + ", externalIPs=" + externalIPs + ", loadBalancerIPs="
        + loadBalancerIPs + ", loadBalancerSourceRanges=" + loadBalancerSourceRanges
        + ", externalPolicy=" + externalPolicy + ", internalPolicy=" + internalPolicy
        + ", affinityTimeout=" + affinityTimeout + ", healthCheckNodePort="
        + healthCheckNodePort + ", endpoints=" + endpoints + "]";
  }
}
