package io.kubenetsim.core.dns;

import io.kubenetsim.net.IpAddress;

/**
 * Where a {@code forward} directive sends questions, as upstream's {@code
 * parse.HostPortOrFile} reads its TO arguments: a resolv.conf-style file, whose nameservers are
 * the upstreams, or an address ({@code 8.8.8.8}, {@code dns://1.1.1.1:53}, {@code [::1]:53}).
 *
 * <pre>{@code
 * new ForwardTarget.File("/etc/resolv.conf");
 * new ForwardTarget.Address(IpAddress.parse("8.8.8.8"));
 * }</pre>
 */
public sealed interface ForwardTarget {

  /** A resolv.conf-style file: its nameservers are the upstreams. */
  record File(String path) implements ForwardTarget {}

  /** An upstream address, on port 53. */
  record Address(IpAddress ip) implements ForwardTarget {}
}
