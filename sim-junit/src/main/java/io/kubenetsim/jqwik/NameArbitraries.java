package io.kubenetsim.jqwik;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;

/**
 * Names in the formats kube-apiserver checks (apimachinery {@code pkg/util/validation}): DNS-1123
 * labels and subdomains, DNS-1035 labels, IANA port names; and DNS names for resolvers, valid or
 * broken on purpose.
 *
 * <p>Every generator draws a string from the format's character set and then repairs the ends
 * (a letter or digit where the format wants one) instead of filtering, so nearly every draw is
 * used and shrinking walks towards {@code "a"}.
 */
final class NameArbitraries {
  private NameArbitraries() {}

  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final String DIGITS = "0123456789";
  private static final String LOWER_ALNUM = LOWER + DIGITS;

  /** The namespaces every cluster has; a generated one must not collide with them. */
  static final Set<String> BUILT_IN_NAMESPACES =
      Set.of("default", "kube-system", "kube-public", "kube-node-lease");

  /** {@return DNS-1123 labels of 1 to {@code maxLength} (at most 63) characters} */
  static Arbitrary<String> dns1123Labels(int maxLength) {
    return Arbitraries.strings().withChars(LOWER_ALNUM + "-").ofMinLength(1)
        .ofMaxLength(maxLength).withLengthDistribution(RandomDistribution.biased())
        .map(s -> alnumEnds(s, 'a'));
  }

  /** {@return DNS-1035 labels (a letter first) of 1 to {@code maxLength} characters} */
  static Arbitrary<String> dns1035Labels(int maxLength) {
    return dns1123Labels(maxLength).map(NameArbitraries::letterFirst);
  }

  /** {@return DNS-1123 subdomains: one to four labels, at most 253 characters in all} */
  static Arbitrary<String> dns1123Subdomains() {
    return dns1123Labels(63).list().ofMinSize(1).ofMaxSize(4)
        .map(labels -> truncate(String.join(".", labels), 253));
  }

  /** {@return namespace names: DNS-1123 labels that are none of the built-in namespaces} */
  static Arbitrary<String> namespaceNames() {
    // Rejects only the four built-in names, a tiny share of the draws.
    return dns1123Labels(63).filter(name -> !BUILT_IN_NAMESPACES.contains(name));
  }

  /**
   * {@return IANA service names (container port names, named targetPorts): 1 to 15 of {@code
   * a-z0-9-}, at least one letter, no {@code --}, no hyphen at either end}
   */
  static Arbitrary<String> portNames() {
    return Arbitraries.strings().withChars(LOWER_ALNUM + "-").ofMinLength(1).ofMaxLength(15)
        .withLengthDistribution(RandomDistribution.biased())
        .map(NameArbitraries::toPortName);
  }

  /**
   * {@return absolute-or-relative DNS names a resolver accepts: one to four labels of letters
   * (either case), digits and hyphens, none longer than 63, 253 characters at most}
   */
  static Arbitrary<String> dnsNames() {
    Arbitrary<String> label = Arbitraries.strings()
        .withChars(LOWER + LOWER.toUpperCase(java.util.Locale.ROOT) + DIGITS + "-")
        .ofMinLength(1).ofMaxLength(63)
        .withLengthDistribution(RandomDistribution.biased()).map(s -> alnumEnds(s, 'a'));
    Arbitrary<String> names = label.list().ofMinSize(1).ofMaxSize(4)
        .map(labels -> truncate(String.join(".", labels), 253));
    return Arbitraries.oneOf(names, names.map(name -> name + "."));
  }

  /**
   * {@return names a resolver must refuse: an empty label, a label over 63 characters, a name
   * over 253, or a character DNS names do not allow}
   */
  static Arbitrary<String> invalidDnsNames() {
    Arbitrary<String> valid = dnsNames().map(n -> n.endsWith(".") ? n.substring(0, n.length() - 1)
        : n);
    Arbitrary<String> emptyLabel = valid.map(n -> n + "..a");
    Arbitrary<String> longLabel = Arbitraries.strings().withChars(LOWER).ofLength(64);
    Arbitrary<String> longName = dns1123Labels(63).list().ofSize(5)
        .map(labels -> String.join(".", labels)).map(n -> n + "." + "a".repeat(Math.max(1,
            254 - n.length())));
    Arbitrary<String> badCharacter = Combinators.combine(valid,
        Arbitraries.of(List.of(" ", "!", "@", "/", ",", "\"", "="))).as((n, c) -> n + c + "x");
    return Arbitraries.oneOf(emptyLabel, longLabel, longName, badCharacter);
  }

  /** Replaces a non-alphanumeric first or last character by {@code fill}. */
  static String alnumEnds(String s, char fill) {
    char[] chars = s.toCharArray();
    if (!Character.isLetterOrDigit(chars[0])) {
      chars[0] = fill;
    }
    if (!Character.isLetterOrDigit(chars[chars.length - 1])) {
      chars[chars.length - 1] = fill;
    }
    return new String(chars);
  }

  private static String letterFirst(String label) {
    return Character.isLetter(label.charAt(0)) ? label : "a" + label.substring(1);
  }

  /** Cuts a dotted name to {@code max} characters, dropping a dot or hyphen left at the end. */
  private static String truncate(String name, int max) {
    if (name.length() <= max) {
      return name;
    }
    return alnumEnds(name.substring(0, max), 'a');
  }

  private static String toPortName(String raw) {
    String name = alnumEnds(raw.replaceAll("-{2,}", "-"), 'a');
    return name.chars().anyMatch(Character::isLetter) ? name : "a" + name.substring(1);
  }
}
