package io.kubenetsim.model;

import com.google.common.collect.ImmutableList;
import java.util.List;

/** {@code Service.status}: the load balancer's ingress points, once provisioned. */
public record ServiceStatus(ImmutableList<LoadBalancerIngress> loadBalancerIngress) {

  private static final ServiceStatus EMPTY = new ServiceStatus(ImmutableList.of());

  public ServiceStatus {
    loadBalancerIngress = ImmutableList.copyOf(loadBalancerIngress);
  }

  /** {@return no load balancer (yet)} */
  public static ServiceStatus empty() {
    return EMPTY;
  }

  /** {@return a status with these ingress points} */
  public static ServiceStatus of(List<LoadBalancerIngress> ingress) {
    return new ServiceStatus(ImmutableList.copyOf(ingress));
  }
}
