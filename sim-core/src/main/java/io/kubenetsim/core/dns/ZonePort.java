package io.kubenetsim.core.dns;

import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.net.Protocol;
import java.util.Optional;

/**
 * A port as the kubernetes plugin keeps it for SRV answers: a Service port (the port clients
 * dial) or an EndpointSlice port (the port the endpoints listen on). An object with no ports
 * gets one sentinel port, {@link #NONE}, as upstream's {@code object.ToService} and {@code
 * EndpointSliceToEndpoints} add one ({@code Port: -1}): the object still answers A queries, and
 * the SRV code skips it.
 *
 * @param name the port's name, {@code ""} when unnamed
 * @param port the number, or -1 for the sentinel and for a slice port without a number
 * @param protocol the protocol; empty for the sentinel
 */
record ZonePort(String name, int port, Optional<Protocol> protocol) {

  /** The sentinel port of an object without ports. */
  static final ZonePort NONE = new ZonePort("", -1, Optional.empty());

  static ZonePort of(ServicePort port) {
    return new ZonePort(port.name(), port.port(), Optional.of(port.protocol()));
  }

  static ZonePort of(EndpointPort port) {
    return new ZonePort(port.name(), port.port().orElse(-1), Optional.of(port.protocol()));
  }

  /**
   * {@return whether an SRV query's {@code _port._proto} labels (underscores stripped, lower
   * case; {@code ""} when the query has none) select this port} As upstream's {@code
   * matchPortAndProtocol}: an absent label matches anything, a present one must equal the
   * port's name or protocol without regard to case.
   */
  boolean matches(String portLabel, String protocolLabel) {
    return (portLabel.isEmpty() || portLabel.equalsIgnoreCase(name))
        && (protocolLabel.isEmpty()
            || protocol.map(p -> p.name().equalsIgnoreCase(protocolLabel)).orElse(false));
  }
}
