package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import java.util.List;

/**
 * Upstream's {@code IsFullyQualifiedDomainName} (apimachinery {@code pkg/util/validation}), for
 * the addresses of an {@code FQDN} EndpointSlice: required; one trailing dot allowed; then a
 * DNS-1123 subdomain of at least two labels, each a DNS-1123 label. Only the first problem is
 * reported, with several messages of one check joined by commas, as upstream does.
 */
final class FqdnRules {

  private static final String RULE = "endpoint-slice.endpoint.address.format";

  private FqdnRules() {}

  /** {@return the first problem with {@code value} as a fully qualified domain name} */
  static List<FieldError> fullyQualifiedDomainName(String value, String path) {
    if (value.isEmpty()) {
      return ImmutableList.of(FieldError.required(path, "", RULE));
    }
    String name = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
    List<String> subdomain = NameRules.dns1123Subdomain(name);
    if (!subdomain.isEmpty()) {
      return ImmutableList.of(FieldError.invalid(path, name, String.join(",", subdomain), RULE));
    }
    String[] labels = name.split("\\.", -1);
    if (labels.length < 2) {
      return ImmutableList.of(FieldError.invalid(path, name,
          "should be a domain with at least two segments separated by dots", RULE));
    }
    for (String label : labels) {
      List<String> errors = NameRules.dns1123Label(label);
      if (!errors.isEmpty()) {
        return ImmutableList.of(FieldError.invalid(path, label, String.join(",", errors), RULE));
      }
    }
    return ImmutableList.of();
  }
}
