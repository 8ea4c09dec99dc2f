package io.kubenetsim.core.dns;

import io.kubenetsim.dns.DnsName;
import io.kubenetsim.net.IpAddress;
import java.util.Optional;

/**
 * One item the kubernetes backend finds for a question, upstream's {@code msg.Service}: an
 * address or an alias, a port (for SRV), a TTL, and the name the item lives under — the
 * Service's or endpoint's own name, which SRV answers use as target.
 *
 * @param address the address (a cluster IP, an endpoint, a pod), when the item is one
 * @param alias the ExternalName, when the item is a CNAME
 * @param port the port, -1 when there is none
 * @param ttl seconds
 * @param name e.g. {@code web.shop.svc.cluster.local.} or {@code
 *     10-244-1-5.web.shop.svc.cluster.local.}
 */
record Target(Optional<IpAddress> address, Optional<DnsName> alias, int port, long ttl,
    DnsName name) {

  static Target address(IpAddress address, int port, long ttl, DnsName name) {
    return new Target(Optional.of(address), Optional.empty(), port, ttl, name);
  }

  static Target alias(DnsName target, long ttl, DnsName name) {
    return new Target(Optional.empty(), Optional.of(target), -1, ttl, name);
  }
}
