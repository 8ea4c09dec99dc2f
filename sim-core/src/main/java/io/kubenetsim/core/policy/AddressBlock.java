package io.kubenetsim.core.policy;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.IPBlock;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import java.util.Optional;

/**
 * A peer's {@code ipBlock} compiled for matching: {@code cidr} minus every {@code except}, as
 * masks over an address's two 64-bit halves, so a match is a few long comparisons. Upstream's
 * {@code networking/v1} {@code IPBlock}: "cidr is a string representing the IPBlock", "except
 * is a slice of CIDRs that should not be included within an IPBlock".
 *
 * <p>The text is read as Go's {@code net.ParseCIDR} reads it: bits beyond the prefix are
 * ignored. A text that is no CIDR (the API server rejects such policies, so only a hand-built
 * engine input can hold one) compiles to a block that matches nothing. Immutable.
 */
final class AddressBlock implements CompiledPeer {
  private final String text;
  private final Prefix cidr;
  private final ImmutableList<Prefix> except;

  private AddressBlock(String text, Prefix cidr, ImmutableList<Prefix> except) {
    this.text = text;
    this.cidr = cidr;
    this.except = except;
  }

  /** {@return the block; one that matches nothing when {@code cidr} is not a CIDR} */
  static AddressBlock compile(IPBlock block) {
    ImmutableList.Builder<Prefix> except = ImmutableList.builder();
    block.except().forEach(e -> Prefix.parse(e).ifPresent(except::add));
    String text = block.except().isEmpty() ? block.cidr()
        : block.cidr() + " except " + String.join(", ", block.except());
    return new AddressBlock(text, Prefix.parse(block.cidr()).orElse(null), except.build());
  }

  /** {@return whether the address is in {@code cidr} and in none of {@code except}} */
  boolean contains(IpAddress address) {
    if (address == null || cidr == null || !cidr.contains(address)) {
      return false;
    }
    for (int i = 0; i < except.size(); i++) {
      if (except.get(i).contains(address)) {
        return false;
      }
    }
    return true;
  }

  /** An ipBlock peer looks at the address only; pods and nodes alike can be in it. */
  @Override
  public boolean matches(IpAddress address, PolicyPod pod) {
    return contains(address);
  }

  @Override
  public String toString() {
    return "ipBlock " + text;
  }

  /** A prefix as the masked halves of an address: {@code (a & mask) == network}. */
  record Prefix(IpFamily family, long networkHigh, long networkLow, long maskHigh,
      long maskLow) {

    boolean contains(IpAddress address) {
      return address.family() == family && (address.high() & maskHigh) == networkHigh
          && (address.low() & maskLow) == networkLow;
    }

    /** {@return the prefix of {@code address/length}, host bits cleared; empty if not one} */
    static Optional<Prefix> parse(String text) {
      int slash = text.indexOf('/');
      if (slash < 0) {
        return Optional.empty();
      }
      Optional<IpAddress> address = IpAddress.tryParse(text.substring(0, slash));
      String digits = text.substring(slash + 1);
      if (address.isEmpty() || digits.isEmpty() || digits.length() > 3
          || !digits.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      int length = Integer.parseInt(digits);
      IpFamily family = address.get().family();
      if (length > family.bits()) {
        return Optional.empty();
      }
      long maskHigh;
      long maskLow;
      if (family == IpFamily.IPV4) {
        maskHigh = 0;
        maskLow = length == 0 ? 0 : (0xFFFF_FFFFL << (32 - length)) & 0xFFFF_FFFFL;
      } else {
        maskHigh = length == 0 ? 0 : length >= 64 ? -1L : -1L << (64 - length);
        maskLow = length <= 64 ? 0 : -1L << (128 - length);
      }
      return Optional.of(new Prefix(family, address.get().high() & maskHigh,
          address.get().low() & maskLow, maskHigh, maskLow));
    }
  }
}
