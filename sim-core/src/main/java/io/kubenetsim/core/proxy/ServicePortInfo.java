package io.kubenetsim.core.proxy;

import com.google.common.collect.ImmutableList;
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
 * @param externalLocal externalTrafficPolicy is Local
 * @param internalLocal internalTrafficPolicy is Local
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
    boolean externalLocal,
    boolean internalLocal,
    Optional<Duration> affinityTimeout,
    int healthCheckNodePort,
    ImmutableList<ProxyEndpoint> endpoints) {

  /** {@return whether any endpoint could take traffic (ready, or serving and terminating)} */
  public boolean hasEndpoints() {
    return endpoints.stream().anyMatch(e -> e.ready() || (e.serving() && e.terminating()));
  }
}
