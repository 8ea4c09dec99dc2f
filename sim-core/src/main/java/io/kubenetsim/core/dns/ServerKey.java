package io.kubenetsim.core.dns;

import io.kubenetsim.dns.DnsName;

/**
 * One key of a server block: the zone it serves and the port it listens on ({@code .:53},
 * {@code cluster.local:53}; 53 when the key names none).
 */
public record ServerKey(DnsName zone, int port) {

  /** CoreDNS's default port. */
  public static final int DEFAULT_PORT = 53;

  /** {@return {@code dns://zone:port}, as CoreDNS prints the key} */
  @Override
  public String toString() {
    return "dns://" + zone + ":" + port;
  }
}
