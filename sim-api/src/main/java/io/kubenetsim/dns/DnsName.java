package io.kubenetsim.dns;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
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
