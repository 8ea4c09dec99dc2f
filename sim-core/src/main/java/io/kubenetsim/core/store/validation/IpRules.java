package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import com.google.common.net.InetAddresses;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;

/**
 * IP and CIDR format checks with upstream's messages (apimachinery {@code
 * pkg/util/validation/ip.go}: {@code IsValidIP}, {@code IsValidCIDR}), in the legacy "sloppy"
 * mode that is upstream's default while the {@code StrictIPCIDRValidation} gate is off.
 *
 * <p>Sloppy means: IPv4 octets may have leading zeros ({@code 010.0.0.1} is read as decimal),
 * and a CIDR may have bits set beyond its prefix ({@code 10.0.0.1/24}). Every version rejects
 * {@code /33}, {@code 10.0.0.300}, hostnames, zones ({@code fe80::1%eth0}) and a bare IP where a
 * CIDR is expected. Parsing never looks anything up.
 *
 * <p>Simplification: the strict mode's extra messages (leading zeros, IPv4-mapped addresses,
 * canonical form) are not implemented yet.
 *
 * <pre>{@code
 * IpRules.cidr("10.244.1.0/24");  // []
 * IpRules.cidr("10.244.1.0");     // [IpRules.INVALID_CIDR]: a bare IP is not a CIDR
 * }</pre>
 */
public final class IpRules {

  /** Upstream's message for a value that is not an IP address. */
  public static final String INVALID_IP =
      "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";

  /** Upstream's message for a value that is not a CIDR. */
  public static final String INVALID_CIDR =
      "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";

  private IpRules() {}

  /** {@return problems with an IP address: none, or {@link #INVALID_IP}} */
  public static List<String> ip(String value) {
    return ipFamily(value).isPresent() ? ImmutableList.of() : ImmutableList.of(INVALID_IP);
  }

  /** {@return problems with a CIDR: none, or {@link #INVALID_CIDR}} */
  public static List<String> cidr(String value) {
    return cidrFamily(value).isPresent() ? ImmutableList.of() : ImmutableList.of(INVALID_CIDR);
  }

  /**
   * {@return the family of an IP address read sloppily, or empty when it is not one} An
   * IPv4-mapped IPv6 address counts as IPv4, as Go's {@code To4} sees it.
   */
  public static Optional<IpFamily> ipFamily(String value) {
    if (isSloppyIpv4(value)) {
      return Optional.of(IpFamily.IPV4);
    }
    if (!value.contains(":") || value.contains("%") || !InetAddresses.isInetAddress(value)) {
      return Optional.empty();
    }
    return Optional.of(InetAddresses.forString(value) instanceof Inet4Address
        ? IpFamily.IPV4 : IpFamily.IPV6);
  }

  /** {@return the family of a CIDR read sloppily, or empty when it is not one} */
  public static Optional<IpFamily> cidrFamily(String value) {
    int slash = value.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String address = value.substring(0, slash);
    String prefix = value.substring(slash + 1);
    Optional<IpFamily> family = ipFamily(address);
    if (family.isEmpty() || prefix.isEmpty() || prefix.length() > 7
        || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    // The prefix is bounded by the width of the address as written: 32 for dotted IPv4 text,
    // 128 for anything written in IPv6 form, even an IPv4-mapped one.
    int width = isSloppyIpv4(address) ? 32 : 128;
    return Integer.parseInt(prefix) <= width ? family : Optional.empty();
  }

  /**
   * {@return a CIDR read sloppily, as the network Go's {@code IPNet.Contains} works with, or
   * empty when the text is not one} As {@code netutils.ParseCIDRSloppy}: the host bits are
   * cleared ({@code 10.0.0.1/24} is {@code 10.0.0.0/24}) and IPv4 octets may have leading
   * zeros. An IPv4-mapped IPv6 network ({@code ::ffff:10.0.0.0/104}) is the IPv4 network it
   * maps ({@code 10.0.0.0/8}), since Go compares the 4-byte form of such addresses.
   */
  public static Optional<Cidr> sloppyCidr(String value) {
    Optional<IpFamily> family = cidrFamily(value);
    if (family.isEmpty()) {
      return Optional.empty();
    }
    int slash = value.indexOf('/');
    String address = value.substring(0, slash);
    int prefix = Integer.parseInt(value.substring(slash + 1));
    IpAddress ip;
    if (isSloppyIpv4(address)) {
      ip = IpAddress.ipv4(sloppyIpv4Bits(address));
    } else {
      ip = IpAddress.parse(address);
      if (ip.family() == IpFamily.IPV4) {
        prefix = Math.max(0, prefix - 96);
      }
    }
    int hostBits = ip.family().bits() - prefix;
    BigInteger network = ip.toBigInteger().shiftRight(hostBits).shiftLeft(hostBits);
    return Optional.of(new Cidr(ip.family() == IpFamily.IPV4
        ? IpAddress.ipv4(network.longValue()) : ipv6(network), prefix));
  }

  private static IpAddress ipv6(BigInteger value) {
    return new IpAddress(IpFamily.IPV6, value.shiftRight(64).longValue(), value.longValue());
  }

  /** Four dot-separated decimal octets, each at most 255, leading zeros allowed. */
  private static boolean isSloppyIpv4(String value) {
    return sloppyIpv4Bits(value) >= 0;
  }

  /** {@return the 32 bits of sloppily written IPv4 text, or -1}: leading zeros allowed. */
  static long sloppyIpv4Bits(String value) {
    return IpAddress.dottedQuadBits(value, true);
  }
}
