package io.kubenetsim.dns;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An absolute domain name, such as {@code web.shop.svc.cluster.local.}. The text keeps the case
 * it was written in (a server echoes the question's case in its answers); {@link #key()} is the
 * lower-case form names are compared and looked up by, since DNS names match without case
 * (RFC 4343). Relative names exist only in what a resolver is asked; it makes them absolute
 * with its search list before any query.
 *
 * <pre>{@code
 * DnsName web = DnsName.of("Web.shop.svc.cluster.local");   // a trailing dot is implied
 * web.toString();                                           // "Web.shop.svc.cluster.local."
 * web.key();                                                // "web.shop.svc.cluster.local."
 * web.isIn(DnsName.of("cluster.local"));                    // true
 * web.labels().get(0);                                      // "Web"
 * DnsName.reverse(IpAddress.parse("10.96.0.1"));            // 1.0.96.10.in-addr.arpa.
 * }</pre>
 *
 * @param text the name with its trailing dot; {@code "."} for the root
 */
public record DnsName(String text) {

  /** The root of the name space, {@code "."}. */
  public static final DnsName ROOT = new DnsName(".");

  /** Longest name in presentation form without the trailing dot (255 octets on the wire). */
  public static final int MAX_LENGTH = 253;

  /** Longest label (RFC 1035 §2.3.4). */
  public static final int MAX_LABEL = 63;

  /** The IPv4 reverse tree, {@code in-addr.arpa.} (RFC 1035 §3.5). */
  public static final DnsName IN_ADDR_ARPA = new DnsName("in-addr.arpa.");

  /** The IPv6 reverse tree, {@code ip6.arpa.} (RFC 3596 §2.5). */
  public static final DnsName IP6_ARPA = new DnsName("ip6.arpa.");

  private static final String HEX = "0123456789abcdef";

  public DnsName {
    checkArgument(text != null, "a DNS name must not be null");
    Optional<String> problem = problem(text);
    checkArgument(problem.isEmpty(), "\"%s\" is not a valid DNS name: %s", text,
        problem.orElse(""));
  }

  /**
   * {@return the name, absolute whether or not {@code text} ends in a dot}
   *
   * @throws IllegalArgumentException naming the text and what is wrong with it (an empty label,
   *     a label over 63 characters, a name over 253, a character other than a letter, a digit,
   *     {@code -}, {@code _} or {@code *})
   */
  public static DnsName of(String text) {
    checkArgument(text != null, "a DNS name must not be null");
    return new DnsName(text.endsWith(".") ? text : text + ".");
  }

  /** {@return the name, or empty when {@code text} is not a valid name} */
  public static Optional<DnsName> tryParse(String text) {
    if (text == null || problem(text.endsWith(".") ? text : text + ".").isPresent()) {
      return Optional.empty();
    }
    return Optional.of(of(text));
  }

  /**
   * {@return the name a PTR query for {@code address} asks}: the four octets reversed under
   * {@code in-addr.arpa.} ({@code 1.0.96.10.in-addr.arpa.} for 10.96.0.1), or all 32 nibbles
   * of the expanded IPv6 address reversed under {@code ip6.arpa.}
   */
  public static DnsName reverse(IpAddress address) {
    checkArgument(address != null, "address must not be null");
    StringBuilder out = new StringBuilder(72);
    if (address.family() == IpFamily.IPV4) {
      for (int shift = 0; shift < 32; shift += 8) {
        out.append((address.low() >>> shift) & 0xff).append('.');
      }
      return new DnsName(out.append(IN_ADDR_ARPA.text).toString());
    }
    for (int nibble = 0; nibble < 32; nibble++) {
      long half = nibble < 16 ? address.low() : address.high();
      out.append(HEX.charAt((int) (half >>> ((nibble % 16) * 4)) & 0xf)).append('.');
    }
    return new DnsName(out.append(IP6_ARPA.text).toString());
  }

  /**
   * {@return the address a reverse name stands for}, the inverse of {@link #reverse}: four
   * decimal octets under {@code in-addr.arpa.} or 32 hex nibbles under {@code ip6.arpa.}, any
   * case. Empty for a name outside the reverse trees or one naming a network rather than an
   * address ({@code 96.10.in-addr.arpa.}), as CoreDNS's {@code dnsutil.ExtractAddressFromReverse}
   * finds no address there.
   */
  public Optional<IpAddress> reverseAddress() {
    String key = key();
    if (key.endsWith("." + IN_ADDR_ARPA.text)) {
      String[] octets = key.substring(0, key.length() - IN_ADDR_ARPA.text.length() - 1)
          .split("\\.", -1);
      if (octets.length != 4) {
        return Optional.empty();
      }
      return IpAddress.tryParse(octets[3] + "." + octets[2] + "." + octets[1] + "." + octets[0]);
    }
    if (key.endsWith("." + IP6_ARPA.text)) {
      String nibbles = key.substring(0, key.length() - IP6_ARPA.text.length() - 1);
      if (nibbles.length() != 63) {
        return Optional.empty();
      }
      long high = 0;
      long low = 0;
      for (int i = 0; i < 32; i++) {
        int digit = HEX.indexOf(nibbles.charAt(2 * i));
        if (digit < 0 || (i < 31 && nibbles.charAt(2 * i + 1) != '.')) {
          return Optional.empty();
        }
        if (i < 16) {
          low |= (long) digit << (i * 4);
        } else {
          high |= (long) digit << ((i - 16) * 4);
        }
      }
      return Optional.of(new IpAddress(IpFamily.IPV6, high, low));
    }
    return Optional.empty();
  }

  /** {@return the lower-case text, the form names are compared by} */
  public String key() {
    return text.toLowerCase(Locale.ROOT);
  }

  /** {@return the labels, left to right, without dots; empty for the root} */
  public ImmutableList<String> labels() {
    if (isRoot()) {
      return ImmutableList.of();
    }
    return ImmutableList.copyOf(text.substring(0, text.length() - 1).split("\\.", -1));
  }

  /** {@return whether this is the root, {@code "."}} */
  public boolean isRoot() {
    return text.equals(".");
  }

  /** {@return whether this name equals {@code zone} or lies below it, ignoring case} */
  public boolean isIn(DnsName zone) {
    if (zone.isRoot()) {
      return true;
    }
    String key = key();
    String zoneKey = zone.key();
    return key.equals(zoneKey) || key.endsWith("." + zoneKey);
  }

  /**
   * {@return the labels left of {@code zone}}: {@code [web, shop, svc]} for {@code
   * web.shop.svc.cluster.local.} in {@code cluster.local.}
   */
  public List<String> labelsBelow(DnsName zone) {
    checkArgument(isIn(zone), "%s is not in %s", this, zone);
    List<String> all = labels();
    return all.subList(0, all.size() - zone.labels().size());
  }

  /** {@return {@code label.} followed by this name} */
  public DnsName prepend(String label) {
    return new DnsName(label + "." + (isRoot() ? "" : text));
  }

  /** {@return whether the two names are the same name, ignoring case} */
  public boolean sameAs(DnsName other) {
    return key().equals(other.key());
  }

  @Override
  public String toString() {
    return text;
  }

  private static Optional<String> problem(String text) {
    if (text.equals(".")) {
      return Optional.empty();
    }
    if (!text.endsWith(".")) {
      return Optional.of("an absolute name ends in a dot");
    }
    if (text.length() - 1 > MAX_LENGTH) {
      return Optional.of("must be no more than " + MAX_LENGTH + " characters");
    }
    String[] labels = text.substring(0, text.length() - 1).split("\\.", -1);
    for (String label : labels) {
      if (label.isEmpty()) {
        return Optional.of("labels must not be empty");
      }
      if (label.length() > MAX_LABEL) {
        return Optional.of("label \"" + label + "\" must be no more than " + MAX_LABEL
            + " characters");
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '-' || c == '_' || c == '*';
        if (!ok) {
          return Optional.of("label \"" + label + "\" holds '" + c + "'; use letters, digits, "
              + "'-' and '_'");
        }
      }
    }
    return Optional.empty();
  }
}
