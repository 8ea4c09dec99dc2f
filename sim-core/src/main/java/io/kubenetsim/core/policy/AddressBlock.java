package io.kubenetsim.core.policy;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.store.validation.IpRules;
import io.kubenetsim.model.IPBlock;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import java.util.Optional;

/**
 * A peer's {@code ipBlock} compiled for matching: {@code cidr} minus every {@code except}, as
 * masks over an address's two 64-bit halves, so a match is a few long comparisons. Upstream's
 * {@code networking/v1} {@code IPBlock}: "cidr is a string representing the IPBlock", "except
 * is a slice of CIDRs that should not be included within an IPBlock".
 *
 * <p>The text is read as the API server's validation reads it ({@code IpRules.sloppyCidr}, Go's
 * {@code ParseCIDRSloppy}): bits beyond the prefix are ignored, leading zeros allowed, an
 * IPv4-mapped IPv6 block is an IPv4 one. A text that is no CIDR (the API server rejects such policies, so only a hand-built
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

    /**
     * {@return the prefix of a CIDR text, read as the API server reads ipBlocks (Go's sloppy
     * {@code ParseCIDR}: leading zeros, IPv4-mapped IPv6, host bits ignored); empty if none}
     */
    static Optional<Prefix> parse(String text) {
      return IpRules.sloppyCidr(text).map(Prefix::of);
    }

    private static Prefix of(Cidr cidr) {
      int length = cidr.prefixLength();
      long maskHigh;
      long maskLow;
      if (cidr.network().family() == IpFamily.IPV4) {
        maskHigh = 0;
        maskLow = length == 0 ? 0 : (0xFFFF_FFFFL << (32 - length)) & 0xFFFF_FFFFL;
      } else {
        maskHigh = length == 0 ? 0 : length >= 64 ? -1L : -1L << (64 - length);
        maskLow = length <= 64 ? 0 : -1L << (128 - length);
      }
      IpAddress network = cidr.network();
      return new Prefix(network.family(), network.high() & maskHigh, network.low() & maskLow,
          maskHigh, maskLow);
    }
  }
}
