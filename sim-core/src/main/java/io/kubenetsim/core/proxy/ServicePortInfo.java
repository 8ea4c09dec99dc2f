package io.kubenetsim.core.proxy;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.TrafficPolicy;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything kube-proxy needs about one service port, taken from the Service and its
 * EndpointSlices as of one sync.
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
public record ServicePortInfo(
    ServicePortName name,
    IpAddress clusterIP,
    int port,
    int nodePort,
    ImmutableList<IpAddress> externalIPs,
    ImmutableList<IpAddress> loadBalancerIPs,
    ImmutableList<Cidr> loadBalancerSourceRanges,
    TrafficPolicy externalPolicy,
    TrafficPolicy internalPolicy,
    Optional<Duration> affinityTimeout,
    int healthCheckNodePort,
    ImmutableList<ProxyEndpoint> endpoints) {

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
    return endpoints.stream().anyMatch(e -> e.ready() || (e.serving() && e.terminating()));
  }
}
