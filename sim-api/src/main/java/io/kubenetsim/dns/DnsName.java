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
 * <p>A value: equal when the text is equal (case included; {@link #sameAs} ignores case).
 */
public final class DnsName {

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

  private final String text;
  /** {@link #key()}, computed on first use: names are looked up by it on every query. */
  private String key;

  /**
   * A name from its text with the trailing dot ({@code "."} for the root).
   *
   * @throws IllegalArgumentException as {@link #of}
   */
  public DnsName(String text) {
    checkArgument(text != null, "a DNS name must not be null");
    Optional<String> problem = problem(text);
    checkArgument(problem.isEmpty(), "\"%s\" is not a valid DNS name: %s", text,
        problem.orElse(""));
    this.text = text;
  }

  /** A name whose text is already known to be valid (built from valid parts). */
  private DnsName(String text, boolean checked) {
    this.text = text;
  }

  /** {@return the name with its trailing dot, in the case it was written} */
  public String text() {
    return text;
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
    if (text == null) {
      return Optional.empty();
    }
    String absolute = text.endsWith(".") ? text : text + ".";
    return problem(absolute).isPresent() ? Optional.empty()
        : Optional.of(new DnsName(absolute, true));
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
    String lower = key;
    if (lower == null) {
      lower = text.toLowerCase(Locale.ROOT);
      key = lower;
    }
    return lower;
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
    int at = key.length() - zoneKey.length();
    return at == 0 ? key.equals(zoneKey)
        : at > 0 && key.charAt(at - 1) == '.' && key.startsWith(zoneKey, at);
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
    String name = label + "." + (isRoot() ? "" : text);
    Optional<String> problem = name.length() - 1 > MAX_LENGTH || label.indexOf('.') >= 0
        ? problem(name) : problem(label + ".");
    checkArgument(problem.isEmpty(), "\"%s\" is not a valid DNS name: %s", name,
        problem.orElse(""));
    return new DnsName(name, true);
  }

  /**
   * Checks a name as {@link #of} would, without building it: a resolver checks the name it is
   * asked before it knows which absolute names it will try.
   *
   * @throws IllegalArgumentException as {@link #of}
   */
  public static void check(String text) {
    checkArgument(text != null, "a DNS name must not be null");
    Optional<String> problem = text.endsWith(".") ? problem(text)
        : text.length() > MAX_LENGTH ? Optional.of("must be no more than " + MAX_LENGTH
            + " characters") : labelProblem(text, 0);
    checkArgument(problem.isEmpty(), "\"%s\" is not a valid DNS name: %s",
        text.endsWith(".") ? text : text + ".", problem.orElse(""));
  }

  /**
   * {@return the name {@code relative.domain.}, or empty when that is no valid name} A
   * resolver's search-list candidate: {@code tryJoin("web", "shop.svc.cluster.local")} is {@code
   * web.shop.svc.cluster.local.}. Only the domain's labels and the length are checked: {@code
   * relative} must have passed {@link #check}.
   *
   * @param relative a name without its trailing dot
   * @param domain a domain without its trailing dot, not empty
   */
  public static Optional<DnsName> tryJoin(String relative, String domain) {
    String name = relative + "." + domain + ".";
    if (domain.isEmpty() || name.length() - 1 > MAX_LENGTH
        || labelProblem(name, relative.length() + 1).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(new DnsName(name, true));
  }

  /** {@return whether the two names are the same name, ignoring case} */
  public boolean sameAs(DnsName other) {
    return key().equals(other.key());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DnsName name && text.equals(name.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
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
    return labelProblem(text, 0);
  }

  /**
   * {@return what is wrong with the labels of {@code text} from {@code start} on} One pass,
   * allocating only to describe a problem: names are checked on every lookup.
   */
  private static Optional<String> labelProblem(String text, int from) {
    int start = from;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.') {
        if (i == start) {
          return Optional.of("labels must not be empty");
        }
        if (i - start > MAX_LABEL) {
          return Optional.of("label \"" + text.substring(start, i) + "\" must be no more than "
              + MAX_LABEL + " characters");
        }
        start = i + 1;
        continue;
      }
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '*';
      if (!ok) {
        int end = text.indexOf('.', i);
        return Optional.of("label \"" + text.substring(start, end < 0 ? text.length() : end)
            + "\" holds '" + c + "'; use letters, digits, '-' and '_'");
      }
    }
    // A relative name's last label has no dot after it.
    if (text.length() - start > MAX_LABEL) {
      return Optional.of("label \"" + text.substring(start) + "\" must be no more than "
          + MAX_LABEL + " characters");
    }
    return Optional.empty();
  }

}
