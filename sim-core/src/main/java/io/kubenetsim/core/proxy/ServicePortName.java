package io.kubenetsim.core.proxy;

import io.kubenetsim.net.Protocol;
import java.util.Comparator;
import java.util.Locale;

/**
 * One port of one Service, as kube-proxy keys everything: {@code ns/svc:portname} (or {@code
 * ns/svc} for an unnamed port) plus the protocol.
 */
public record ServicePortName(String namespace, String service, String port, Protocol protocol)
    implements Comparable<ServicePortName> {

  private static final Comparator<ServicePortName> ORDER = Comparator
      .comparing(ServicePortName::namespace).thenComparing(ServicePortName::service)
      .thenComparing(ServicePortName::port).thenComparing(ServicePortName::protocol);

  /** {@return {@code ns/svc:port}, or {@code ns/svc} for an unnamed port} */
  public String name() {
    return namespace + "/" + service + (port.isEmpty() ? "" : ":" + port);
  }

  /** {@return the protocol in lower case, as chain-name hashes use it} */
  public String protocolLowerCase() {
    return protocol.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public int compareTo(ServicePortName other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return name() + "/" + protocol;
  }
}
