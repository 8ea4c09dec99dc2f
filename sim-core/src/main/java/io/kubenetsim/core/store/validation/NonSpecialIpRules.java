package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import com.google.common.net.InetAddresses;
import io.kubenetsim.net.IpFamily;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Upstream's {@code ValidateNonSpecialIP} ({@code pkg/apis/core/validation}): the addresses an
 * external IP, an Endpoints address or an EndpointSlice address may not be, with its exact
 * messages. Used after the format check ({@link IpRules}), as upstream does.
 *
 * <p>Addresses are read sloppily like Go's {@code ParseIPSloppy} (leading zeros in IPv4 octets
 * are decimal), and an IPv4-mapped IPv6 address is judged as the IPv4 address it maps, as Go's
 * {@code net.IP} methods do. Nothing is looked up.
 *
 * <pre>{@code
 * NonSpecialIpRules.nonSpecial("127.0.0.1");
 * // ["may not be in the loopback range (127.0.0.0/8, ::1/128)"]
 * }</pre>
 */
final class NonSpecialIpRules {

  /** Upstream's message when {@code ParseIPSloppy} fails inside {@code ValidateNonSpecialIP}. */
  static final String NOT_AN_IP = "must be a valid IP address";

  private NonSpecialIpRules() {}

  /**
   * {@return the special ranges {@code value} falls in, in upstream's order; {@link #NOT_AN_IP}
   * alone when it is not an address at all}
   */
  static List<String> nonSpecial(String value) {
    Optional<byte[]> parsed = bytes(value);
    if (parsed.isEmpty()) {
      return ImmutableList.of(NOT_AN_IP);
    }
    byte[] ip = parsed.get();
    List<String> errors = new ArrayList<>();
    if (isZero(ip)) {
      errors.add("may not be unspecified (" + value + ")");
    }
    if (ip.length == 4 ? u(ip[0]) == 127 : isIpv6Loopback(ip)) {
      errors.add("may not be in the loopback range (127.0.0.0/8, ::1/128)");
    }
    if (ip.length == 4
        ? u(ip[0]) == 169 && u(ip[1]) == 254
        : u(ip[0]) == 0xfe && (u(ip[1]) & 0xc0) == 0x80) {
      errors.add("may not be in the link-local range (169.254.0.0/16, fe80::/10)");
    }
    if (ip.length == 4
        ? u(ip[0]) == 224 && u(ip[1]) == 0 && u(ip[2]) == 0
        : u(ip[0]) == 0xff && (u(ip[1]) & 0x0f) == 0x02) {
      errors.add("may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)");
    }
    return ImmutableList.copyOf(errors);
  }

  /** {@return the address bytes: 4 for IPv4 (also IPv4-mapped IPv6), 16 for IPv6} */
  private static Optional<byte[]> bytes(String value) {
    Optional<IpFamily> family = IpRules.ipFamily(value);
    if (family.isEmpty()) {
      return Optional.empty();
    }
    if (!value.contains(":")) {
      // Dotted IPv4, possibly with leading zeros that Guava would refuse: read each octet.
      long bits = IpRules.sloppyIpv4Bits(value);
      return Optional.of(new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16),
          (byte) (bits >>> 8), (byte) bits});
    }
    InetAddress address = InetAddresses.forString(value);
    return Optional.of(address.getAddress());
  }

  private static boolean isZero(byte[] ip) {
    for (byte b : ip) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv6Loopback(byte[] ip) {
    for (int i = 0; i < 15; i++) {
      if (ip[i] != 0) {
        return false;
      }
    }
    return ip[15] == 1;
  }

  private static int u(byte b) {
    return b & 0xff;
  }
}
