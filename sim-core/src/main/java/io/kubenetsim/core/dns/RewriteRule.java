package io.kubenetsim.core.dns;

import java.util.Locale;
import java.util.Optional;

/**
 * One {@code rewrite name} rule (coredns {@code plugin/rewrite/name.go}): the question's name,
 * lower case, is matched exactly or by suffix and replaced before the rest of the chain sees
 * it; the reply gets the original question back and, for an exact rule or a suffix rule with
 * {@code answer auto}, record names and values that carry the replacement are mapped back.
 *
 * <pre>
 * rewrite name exact db.example.org db.shop.svc.cluster.local
 * rewrite continue name suffix .corp. .svc.cluster.local. answer auto
 * </pre>
 *
 * <p>Simplification: only {@code exact} and {@code suffix} name rules are simulated (prefix,
 * substring, regex, {@code answer name}/{@code answer value} and the other rule types are
 * reported as unmodelled).
 *
 * @param continueAfter {@code continue}: later rules apply to the rewritten name too
 * @param suffix whether {@code from} is a suffix rather than the whole name
 * @param from the lower-case name or suffix matched
 * @param to its replacement
 * @param revertAnswers whether answers are mapped back ({@code exact} always)
 */
public record RewriteRule(boolean continueAfter, boolean suffix, String from, String to,
    boolean revertAnswers) {

  public RewriteRule {
    from = from.toLowerCase(Locale.ROOT);
  }

  /** {@return the rewritten name, or empty when the rule does not match {@code key}} */
  Optional<String> apply(String key) {
    if (!suffix) {
      return key.equals(from) ? Optional.of(to) : Optional.empty();
    }
    return key.endsWith(from) ? Optional.of(key.substring(0, key.length() - from.length()) + to)
        : Optional.empty();
  }

  /**
   * {@return a name from the reply mapped back: for an exact rule the rewritten name becomes
   * the original (or a name under it, under the original), for a suffix rule the replacement
   * suffix becomes the matched one}
   */
  String revert(String name, String original, String rewritten) {
    if (!suffix) {
      String key = name.toLowerCase(Locale.ROOT);
      String target = rewritten.toLowerCase(Locale.ROOT);
      if (key.equals(target)) {
        return original;
      }
      int i = key.length() - target.length();
      if (i > 0 && key.charAt(i - 1) == '.' && key.endsWith(target)) {
        return name.substring(0, i) + original;
      }
      return name;
    }
    return name.endsWith(to) ? name.substring(0, name.length() - to.length()) + from : name;
  }
}
