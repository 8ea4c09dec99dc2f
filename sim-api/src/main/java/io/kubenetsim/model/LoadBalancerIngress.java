package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * One entry of {@code status.loadBalancer.ingress}: an IP or a hostname, and for an IP the
 * {@code ipMode} ({@code VIP} or {@code Proxy}, {@code ""} when unset).
 */
public record LoadBalancerIngress(String ip, String hostname, String ipMode) {

  public LoadBalancerIngress {
    checkArgument(ip != null && hostname != null && ipMode != null,
        "ingress parts must not be null (use \"\" for unset)");
  }

  /** {@return an ingress point at an IP, as a cloud load balancer reports it} */
  public static LoadBalancerIngress ip(String ip) {
    return new LoadBalancerIngress(ip, "", "VIP");
  }

  @Override
  public String toString() {
    return ip.isEmpty() ? hostname : ip;
  }
}
