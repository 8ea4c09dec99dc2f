package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.DnsPolicy;
import io.kubenetsim.model.PodDNSConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validates {@code spec.dnsConfig} against the pod's {@code dnsPolicy}, as upstream's {@code
 * validatePodDNSConfig} ({@code pkg/apis/core/validation/validation.go}) does, in its order:
 *
 * <ol>
 *   <li>with {@code dnsPolicy: None}, a {@code dnsConfig} is required, and it must name at least
 *       one nameserver; either failure is the only error reported;
 *   <li>at most {@value #MAX_NAMESERVERS} nameservers, each an IP address ({@code IsValidIP});
 *   <li>at most {@value #MAX_SEARCH_PATHS} search domains, at most {@value
 *       #MAX_SEARCH_LIST_CHARS} characters joined with spaces, each a DNS subdomain once one
 *       trailing dot is cut, underscores allowed, and {@code "."} (the root) accepted;
 *   <li>every option named.
 * </ol>
 *
 * <p>The search-domain rule is the relaxed one ({@code RelaxedDNSSearchValidation}, on by
 * default since 1.33 and GA in 1.34); before it, underscores and {@code "."} were rejected.
 *
 * <pre>{@code
 * PodDnsConfigRules.validate(spec.dnsPolicy(), spec.dnsConfig(), "spec.dnsConfig");
 * }</pre>
 */
public final class PodDnsConfigRules {

  /** Upstream's {@code MaxDNSNameservers}: glibc reads at most three. */
  public static final int MAX_NAMESERVERS = 3;

  /** Upstream's {@code MaxDNSSearchPaths} (32 since {@code ExpandedDNSConfig}, 1.28). */
  public static final int MAX_SEARCH_PATHS = 32;

  /** Upstream's {@code MaxDNSSearchListChars}, spaces between domains included. */
  public static final int MAX_SEARCH_LIST_CHARS = 2048;

  private static final String LABEL_FMT = "_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?";
  private static final String SUBDOMAIN_FMT = LABEL_FMT + "(\\." + LABEL_FMT + ")*";
  private static final Pattern SUBDOMAIN = Pattern.compile(SUBDOMAIN_FMT);
  private static final String SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of"
      + " lower case alphanumeric characters, '_', '-' or '.', and must start and end with an"
      + " alphanumeric character";
  private static final int SUBDOMAIN_MAX_LENGTH = 253;

  private PodDnsConfigRules() {}

  /** {@return every problem with the pod's DNS config, each path starting with {@code path}} */
  public static List<FieldError> validate(
      DnsPolicy policy, Optional<PodDNSConfig> config, String path) {
    if (policy == DnsPolicy.NONE) {
      if (config.isEmpty()) {
        return ImmutableList.of(FieldError.required(path,
            "must provide `dnsConfig` when `dnsPolicy` is None", "pod.dns-config.required"));
      }
      if (config.get().nameservers().isEmpty()) {
        return ImmutableList.of(FieldError.required(path + ".nameservers",
            "must provide at least one DNS nameserver when `dnsPolicy` is None",
            "pod.dns-config.nameservers.required"));
      }
    }
    if (config.isEmpty()) {
      return ImmutableList.of();
    }
    List<FieldError> errors = new ArrayList<>(nameservers(config.get().nameservers(),
        path + ".nameservers"));
    errors.addAll(searches(config.get().searches(), path + ".searches"));
    for (int i = 0; i < config.get().options().size(); i++) {
      if (config.get().options().get(i).name().isEmpty()) {
        errors.add(FieldError.required(path + ".options[" + i + "]", "must not be empty",
            "pod.dns-config.option.name.required"));
      }
    }
    return ImmutableList.copyOf(errors);
  }

  private static List<FieldError> nameservers(List<String> nameservers, String path) {
    List<FieldError> errors = new ArrayList<>();
    if (nameservers.size() > MAX_NAMESERVERS) {
      errors.add(FieldError.invalid(path, nameservers, "must not have more than "
          + MAX_NAMESERVERS + " nameservers", "pod.dns-config.nameservers.too-many"));
    }
    for (int i = 0; i < nameservers.size(); i++) {
      for (String message : IpRules.ip(nameservers.get(i))) {
        errors.add(FieldError.invalid(path + "[" + i + "]", nameservers.get(i), message,
            "pod.dns-config.nameserver.ip"));
      }
    }
    return errors;
  }

  private static List<FieldError> searches(List<String> searches, String path) {
    List<FieldError> errors = new ArrayList<>();
    if (searches.size() > MAX_SEARCH_PATHS) {
      errors.add(FieldError.invalid(path, searches, "must not have more than "
          + MAX_SEARCH_PATHS + " search paths", "pod.dns-config.searches.too-many"));
    }
    if (NameRules.byteLength(String.join(" ", searches)) > MAX_SEARCH_LIST_CHARS) {
      errors.add(FieldError.invalid(path, searches, "must not have more than "
          + MAX_SEARCH_LIST_CHARS + " characters (including spaces) in the search list",
          "pod.dns-config.searches.too-long"));
    }
    for (int i = 0; i < searches.size(); i++) {
      if (searches.get(i).equals(".")) {
        continue; // the root: a search list may name it since RelaxedDNSSearchValidation
      }
      // Upstream cuts one trailing dot and reports the value without it.
      String search = searches.get(i).endsWith(".")
          ? searches.get(i).substring(0, searches.get(i).length() - 1) : searches.get(i);
      for (String message : subdomainWithUnderscore(search)) {
        errors.add(FieldError.invalid(path + "[" + i + "]", search, message,
            "pod.dns-config.search.format"));
      }
    }
    return errors;
  }

  /** Upstream's {@code IsDNS1123SubdomainWithUnderscore}. */
  private static List<String> subdomainWithUnderscore(String value) {
    List<String> errors = new ArrayList<>();
    if (NameRules.byteLength(value) > SUBDOMAIN_MAX_LENGTH) {
      errors.add(NameRules.maxLenError(SUBDOMAIN_MAX_LENGTH));
    }
    if (!SUBDOMAIN.matcher(value).matches()) {
      errors.add(NameRules.regexError(SUBDOMAIN_MSG, SUBDOMAIN_FMT, "example.com"));
    }
    return errors;
  }
}
