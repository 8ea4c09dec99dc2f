package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;

/** An address in a legacy Endpoints subset: the IP and, for pods, where they run. */
public record EndpointAddress(String ip, String hostname, String nodeName,
    Optional<TargetRef> targetRef) {

  public EndpointAddress {
    checkArgument(ip != null && hostname != null && nodeName != null && targetRef != null,
        "address parts must not be null");
  }

  /** {@return an address with only an IP} */
  public static EndpointAddress of(String ip) {
    return new EndpointAddress(ip, "", "", Optional.empty());
  }

  @Override
  public String toString() {
    return ip;
  }
}
