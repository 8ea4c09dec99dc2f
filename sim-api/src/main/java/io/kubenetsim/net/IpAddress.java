package io.kubenetsim.net;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.net.InetAddresses;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address as a value, ordered numerically (IPv4 before IPv6).
 *
 * <p>Parsed without any name lookup. {@code toString()} prints the canonical text form, so
 * {@code IpAddress.parse(a.toString()).equals(a)} holds for every address.
 *
 * <pre>{@code
 * IpAddress ip = IpAddress.parse("10.244.1.5");
 * ip.plus(1);   // 10.244.1.6
 * }</pre>
 *
 * @param family the address family
 * @param high the upper 64 bits (always 0 for IPv4)
 * @param low the lower 64 bits (for IPv4 the 32-bit address, zero-extended)
 */
public record IpAddress(IpFamily family, long high, long low) implements Comparable<IpAddress> {

  public IpAddress {
    checkArgument(family != null, "family must not be null");
    checkArgument(
        family == IpFamily.IPV6 || (high == 0 && (low >>> 32) == 0),
        "an IPv4 address has 32 bits, got high=%s low=%s",
        high,
        low);
  }

  /** {@return the IPv4 address with this 32-bit value} */
  public static IpAddress ipv4(long value) {
    checkArgument((value >>> 32) == 0, "an IPv4 address has 32 bits, got %s", value);
    return new IpAddress(IpFamily.IPV4, 0, value);
  }

  /**
   * Parses the text form of an address, such as {@code 10.96.0.1} or {@code fd00::1}.
   *
   * @throws IllegalArgumentException if the text is not an IP address literal; use {@link
   *     #tryParse} to test first
   */
  public static IpAddress parse(String text) {
    return tryParse(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "\"" + text + "\" is not an IP address (e.g. 10.9.8.7 or 2001:db8::ffff)"));
  }

  /** {@return the address, or empty when the text is not an IP address literal} */
  public static Optional<IpAddress> tryParse(String text) {
    long v4 = text == null ? -1 : dottedQuad(text);
    if (v4 >= 0) {
      return Optional.of(ipv4(v4));
    }
    if (text == null || text.isEmpty() || !InetAddresses.isInetAddress(text)) {
      return Optional.empty();
    }
    return Optional.of(of(InetAddresses.forString(text)));
  }

  /**
   * {@return the value of plain dotted-quad text, or -1 for anything else} (which the general
   * parser then reads): the common case, read in one pass. Like Guava's parser it refuses
   * leading zeros, which would be ambiguous between decimal and octal.
   */
  private static long dottedQuad(String text) {
    return dottedQuadBits(text, false);
  }

  /**
   * {@return the 32 bits of four dot-separated decimal octets, each at most 255, or -1 when the
   * text is not that}, in one pass without allocating. {@code sloppy}: octets may have leading
   * zeros and up to 8 digits, read as decimal (the apiserver's legacy validation, upstream's
   * {@code ParseIPSloppy}); otherwise 1 to 3 digits without a leading zero.
   */
  public static long dottedQuadBits(String text, boolean sloppy) {
    int maxDigits = sloppy ? 8 : 3;
    long bits = 0;
    int octets = 0;
    int octet = 0;
    int digits = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : '.';
      if (c == '.') {
        if (digits == 0 || octet > 255 || ++octets > 4) {
          return -1;
        }
        bits = (bits << 8) | octet;
        octet = 0;
        digits = 0;
      } else if (c >= '0' && c <= '9' && digits < maxDigits
          && (sloppy || !(digits == 1 && octet == 0))) {
        octet = octet * 10 + (c - '0');
        digits++;
      } else {
        return -1;
      }
    }
    return octets == 4 ? bits : -1;
  }

  static IpAddress of(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      return ipv4(new BigInteger(1, bytes).longValue());
    }
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 8; i++) {
      hi = (hi << 8) | (bytes[i] & 0xff);
      lo = (lo << 8) | (bytes[i + 8] & 0xff);
    }
    return new IpAddress(IpFamily.IPV6, hi, lo);
  }

  /** {@return the address {@code offset} places after this one (wrapping is an error)} */
  public IpAddress plus(long offset) {
    BigInteger next = toBigInteger().add(BigInteger.valueOf(offset));
    checkArgument(
        next.signum() >= 0 && next.bitLength() <= family.bits(),
        "%s + %s leaves the %s address space",
        this,
        offset,
        family);
    return fromBigInteger(family, next);
  }

  /** {@return the address as an unsigned number} */
  public BigInteger toBigInteger() {
    if (family == IpFamily.IPV4) {
      return BigInteger.valueOf(low);
    }
    return new BigInteger(Long.toUnsignedString(high))
        .shiftLeft(64)
        .or(new BigInteger(Long.toUnsignedString(low)));
  }

  static IpAddress fromBigInteger(IpFamily family, BigInteger value) {
    if (family == IpFamily.IPV4) {
      return ipv4(value.longValue());
    }
    return new IpAddress(IpFamily.IPV6, value.shiftRight(64).longValue(), value.longValue());
  }

  /** {@return the address as the JDK's type, for interop} */
  public InetAddress toInetAddress() {
    byte[] bytes = new byte[family.bits() / 8];
    for (int i = 0; i < bytes.length; i++) {
      int shift = (bytes.length - 1 - i) * 8;
      bytes[i] = (byte) (shift >= 64 ? high >>> (shift - 64) : low >>> shift);
    }
    try {
      return InetAddress.getByAddress(bytes); // builds from bytes; no name lookup happens
    } catch (UnknownHostException impossible) {
      throw new AssertionError(impossible);
    }
  }

  /**
   * {@return a hash that spreads every bit of the address} The record's own hash adds the parts
   * up, so pod addresses, which differ only in a few host bits per node block, crowded into a
   * few of a hash table's buckets (lookups fell into tree bins); and it included the family's
   * identity hash, which differs between runs. This one depends on the address alone.
   */
  @Override
  public int hashCode() {
    long mixed = (high * 0xBF58476D1CE4E5B9L + low + family.ordinal()) * 0x9E3779B97F4A7C15L;
    return (int) (mixed >>> 32);
  }

  @Override
  public int compareTo(IpAddress other) {
    int byFamily = Integer.compare(family.ordinal(), other.family.ordinal());
    if (byFamily != 0) {
      return byFamily;
    }
    int byHigh = Long.compareUnsigned(high, other.high);
    return byHigh != 0 ? byHigh : Long.compareUnsigned(low, other.low);
  }

  @Override
  public String toString() {
    if (family == IpFamily.IPV4) {
      return (low >>> 24) + "." + ((low >>> 16) & 0xff) + "." + ((low >>> 8) & 0xff) + "."
          + (low & 0xff);
    }
    return InetAddresses.toAddrString(toInetAddress());
  }
}
