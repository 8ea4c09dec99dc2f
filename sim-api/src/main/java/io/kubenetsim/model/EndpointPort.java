package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import io.kubenetsim.net.Protocol;
import java.util.Optional;

/**
 * A port of an EndpointSlice: the Service port's name and the resolved target port number.
 *
 * @param name the Service port's name, {@code ""} for an unnamed port
 * @param port the port the endpoints listen on; empty means "all ports" (rare, hand-written)
 */
public record EndpointPort(String name, Optional<Integer> port, Protocol protocol,
    String appProtocol) {

  public EndpointPort {
    checkArgument(name != null && port != null && protocol != null && appProtocol != null,
        "endpoint port parts must not be null");
  }

  /** {@return a port with a name (possibly {@code ""}) and a number} */
  public static EndpointPort of(String name, int port, Protocol protocol) {
    return new EndpointPort(name, Optional.of(port), protocol, "");
  }

  @Override
  public String toString() {
    return (name.isEmpty() ? "" : name + ":") + port.map(String::valueOf).orElse("*") + "/"
        + protocol;
  }
}
