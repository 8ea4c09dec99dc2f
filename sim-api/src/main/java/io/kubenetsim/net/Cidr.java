package io.kubenetsim.net;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigInteger;
import java.util.Optional;

/**
 * An IP prefix such as {@code 10.244.0.0/16}: the network address and the prefix length.
 *
 * <p>The network address has no bits set beyond the prefix. {@code toString()} prints the
 * canonical form that {@link #parse} reads.
 *
 * <pre>{@code
 * Cidr cluster = Cidr.parse("10.244.0.0/16");
 * cluster.subnet(24, 1);                          // 10.244.1.0/24
 * cluster.contains(IpAddress.parse("10.244.3.7")); // true
 * }</pre>
 */
public record Cidr(IpAddress network, int prefixLength) implements Comparable<Cidr> {

  public Cidr {
    checkArgument(network != null, "network must not be null");
    checkArgument(
        prefixLength >= 0 && prefixLength <= network.family().bits(),
        "prefix length %s is outside 0..%s",
        prefixLength,
        network.family().bits());
    checkArgument(
        hostBitsClear(network, prefixLength),
        "%s/%s has bits set beyond the prefix length",
        network,
        prefixLength);
  }

  /**
   * Parses {@code address/prefix}.
   *
   * @throws IllegalArgumentException if the text is not a canonical CIDR; use {@link #tryParse}
   *     to test first
   */
  public static Cidr parse(String text) {
    return tryParse(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "\"" + text + "\" is not a CIDR (e.g. 10.9.8.0/24 or 2001:db8::/64)"));
  }

  /** {@return the prefix, or empty when the text is not a CIDR with no host bits set} */
  public static Optional<Cidr> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int slash = text.indexOf('/');
    if (slash < 0 || slash != text.lastIndexOf('/')) {
      return Optional.empty();
    }
    Optional<IpAddress> address = IpAddress.tryParse(text.substring(0, slash));
    String prefix = text.substring(slash + 1);
    if (address.isEmpty()
        || prefix.isEmpty()
        || prefix.length() > 3
        || !prefix.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    int length = Integer.parseInt(prefix);
    if (length > address.get().family().bits() || !hostBitsClear(address.get(), length)) {
      return Optional.empty();
    }
    return Optional.of(new Cidr(address.get(), length));
  }

  // Masks work on the address's two 64-bit words without allocating: Cidr.contains runs once per
  // rule an iptables walk looks at, so a BigInteger per call was most of a walk's cost.

  /** {@return the mask of the prefix's bits in the address's upper word} */
  private static long highMask(IpFamily family, int prefixLength) {
    return family == IpFamily.IPV4 ? 0 : topBits(Math.min(prefixLength, 64));
  }

  /** {@return the mask of the prefix's bits in the address's lower word} */
  private static long lowMask(IpFamily family, int prefixLength) {
    return family == IpFamily.IPV4
        ? topBits(prefixLength) >>> 32
        : topBits(Math.max(prefixLength - 64, 0));
  }

  /** {@return a word with its {@code n} most significant bits set, 0 ≤ n ≤ 64} */
  private static long topBits(int n) {
    return n == 0 ? 0 : -1L << (64 - n);
  }

  private static boolean hostBitsClear(IpAddress network, int prefixLength) {
    IpFamily family = network.family();
    return (network.high() & ~highMask(family, prefixLength)) == 0
        && (network.low() & ~lowMask(family, prefixLength)) == 0;
  }

  /** {@return the address family} */
  public IpFamily family() {
    return network.family();
  }

  /** {@return how many addresses the prefix holds, network and broadcast included} */
  public BigInteger size() {
    return BigInteger.ONE.shiftLeft(family().bits() - prefixLength);
  }

  /** {@return the address at this offset from the network address} */
  public IpAddress address(long offset) {
    checkArgument(
        offset >= 0 && BigInteger.valueOf(offset).compareTo(size()) < 0,
        "offset %s is outside %s",
        offset,
        this);
    return network.plus(offset);
  }

  /** {@return the offset of an address inside this prefix} */
  public long offsetOf(IpAddress address) {
    checkArgument(contains(address), "%s is not inside %s", address, this);
    return address.toBigInteger().subtract(network.toBigInteger()).longValueExact();
  }

  /** {@return the last address of the prefix (the IPv4 broadcast address)} */
  public IpAddress lastAddress() {
    BigInteger last = network.toBigInteger().add(size()).subtract(BigInteger.ONE);
    return IpAddress.fromBigInteger(family(), last);
  }

  /** {@return whether the address lies inside this prefix} */
  public boolean contains(IpAddress address) {
    IpFamily family = network.family();
    return address.family() == family
        && (address.high() & highMask(family, prefixLength)) == network.high()
        && (address.low() & lowMask(family, prefixLength)) == network.low();
  }

  /** {@return whether the other prefix lies wholly inside this one} */
  public boolean contains(Cidr other) {
    return other.prefixLength >= prefixLength && contains(other.network);
  }

  /** {@return whether the two prefixes share any address} */
  public boolean overlaps(Cidr other) {
    return contains(other) || other.contains(this);
  }

  /** {@return how many subnets of the given prefix length this prefix splits into} */
  public long subnetCount(int subnetPrefixLength) {
    checkArgument(
        subnetPrefixLength >= prefixLength && subnetPrefixLength <= family().bits(),
        "a /%s subnet does not fit in %s",
        subnetPrefixLength,
        this);
    int bits = subnetPrefixLength - prefixLength;
    return bits >= 63 ? Long.MAX_VALUE : 1L << bits;
  }

  /** {@return the {@code index}-th subnet of the given prefix length, counting from 0} */
  public Cidr subnet(int subnetPrefixLength, long index) {
    checkArgument(
        index >= 0 && index < subnetCount(subnetPrefixLength),
        "subnet index %s is outside 0..%s of %s",
        index,
        subnetCount(subnetPrefixLength) - 1,
        this);
    BigInteger start =
        network
            .toBigInteger()
            .add(BigInteger.valueOf(index).shiftLeft(family().bits() - subnetPrefixLength));
    return new Cidr(IpAddress.fromBigInteger(family(), start), subnetPrefixLength);
  }

  @Override
  public int compareTo(Cidr other) {
    int byNetwork = network.compareTo(other.network);
    return byNetwork != 0 ? byNetwork : Integer.compare(prefixLength, other.prefixLength);
  }

  @Override
  public String toString() {
    return network + "/" + prefixLength;
  }
}
