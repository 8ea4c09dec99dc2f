package io.kubenetsim.core.store.validation;

import java.util.List;
import java.util.function.Function;

/**
 * The rule an object's {@code metadata.name} must follow, which depends on its kind (upstream's
 * {@code ValidateNameFunc}: {@code NameIsDNSSubdomain}, {@code NameIsDNSLabel}, {@code
 * NameIsDNS1035Label}).
 *
 * <p>Namespace names are DNS-1123 labels; Service names DNS-1035 labels; Pod, Node, Deployment,
 * ReplicaSet, EndpointSlice and NetworkPolicy names DNS-1123 subdomains.
 *
 * <pre>{@code
 * NameFormat.DNS1123_LABEL.validate("shop", false);  // []
 * NameFormat.DNS1123_SUBDOMAIN.validate("web-", true); // [] (a generateName prefix)
 * }</pre>
 */
public enum NameFormat {
  DNS1123_LABEL(NameRules::dns1123Label),
  DNS1123_SUBDOMAIN(NameRules::dns1123Subdomain),
  DNS1035_LABEL(NameRules::dns1035Label);

  private final Function<String, List<String>> rule;

  NameFormat(Function<String, List<String>> rule) {
    this.rule = rule;
  }

  /**
   * {@return the problems with a name, or with a {@code generateName} prefix when {@code
   * prefix} is true}
   *
   * <p>A prefix may end in {@code -} because random characters will follow it. Upstream's
   * {@code maskTrailingDash} makes that pass by replacing the last <em>two</em> characters with
   * {@code a}; the quirk is copied so the same prefixes pass and fail.
   */
  public List<String> validate(String name, boolean prefix) {
    return rule.apply(prefix ? maskTrailingDash(name) : name);
  }

  private static String maskTrailingDash(String name) {
    if (name.length() > 1 && name.endsWith("-")) {
      return name.substring(0, name.length() - 2) + "a";
    }
    return name;
  }
}
