package io.kubenetsim.model;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A subset of a legacy Endpoints object: addresses sharing one port list, ready ones in {@code
 * addresses}, others in {@code notReadyAddresses}. The port list reuses {@link EndpointPort}
 * (whose number is always present here).
 */
public record EndpointSubset(
    ImmutableList<EndpointAddress> addresses,
    ImmutableList<EndpointAddress> notReadyAddresses,
    ImmutableList<EndpointPort> ports) {

  public EndpointSubset {
    addresses = ImmutableList.copyOf(addresses);
    notReadyAddresses = ImmutableList.copyOf(notReadyAddresses);
    ports = ImmutableList.copyOf(ports);
  }

  /** {@return a subset of ready addresses on these ports} */
  public static EndpointSubset of(List<EndpointAddress> addresses, List<EndpointPort> ports) {
    return new EndpointSubset(ImmutableList.copyOf(addresses), ImmutableList.of(),
        ImmutableList.copyOf(ports));
  }
}
