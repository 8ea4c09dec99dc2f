package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.EndpointAddress;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSubset;
import io.kubenetsim.model.Endpoints;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates legacy Endpoints as kube-apiserver does ({@code ValidateEndpoints}, {@code
 * validateEndpointSubsets}, {@code validateEndpointAddress}, {@code validateEndpointPort} in
 * {@code pkg/apis/core/validation}). Create and update check the same rules; update adds
 * metadata immutability.
 *
 * <ul>
 *   <li>metadata: namespaced, name a DNS-1123 subdomain;
 *   <li>{@code subsets[i]}: {@code addresses} or {@code notReadyAddresses} required;
 *   <li>each address: {@code ip} a valid IP, then not special; {@code hostname} a DNS-1123
 *       label and {@code nodeName} a DNS-1123 subdomain when set;
 *   <li>each port: name required when the subset has several, a DNS-1123 label when set;
 *       number 1..65535; {@code appProtocol} a qualified name.
 * </ul>
 *
 * <p>An address that is not an IP gets two errors, as upstream gives it: the format message
 * and then {@code ValidateNonSpecialIP}'s own shorter "must be a valid IP address". A port
 * without a number counts as port 0.
 *
 * <pre>{@code
 * EndpointsValidation.validateCreate(Endpoints.of("shop", "web", List.of()));  // []
 * }</pre>
 */
public final class EndpointsValidation {

  private EndpointsValidation() {}

  /** {@return every problem with an Endpoints object being created} */
  public static List<FieldError> validateCreate(Endpoints endpoints) {
    List<FieldError> errors = new ArrayList<>(MetadataRules.validate(
        endpoints.metadata(), true, NameFormat.DNS1123_SUBDOMAIN, "metadata"));
    for (int i = 0; i < endpoints.subsets().size(); i++) {
      errors.addAll(subset(endpoints.subsets().get(i), "subsets[" + i + "]"));
    }
    return ImmutableList.copyOf(errors);
  }

  /** {@return every problem with replacing {@code old} by {@code updated}} */
  public static List<FieldError> validateUpdate(Endpoints old, Endpoints updated) {
    List<FieldError> errors = new ArrayList<>(
        MetadataRules.validateUpdate(updated.metadata(), old.metadata(), "metadata"));
    errors.addAll(validateCreate(updated));
    return ImmutableList.copyOf(errors);
  }

  private static List<FieldError> subset(EndpointSubset subset, String path) {
    List<FieldError> errors = new ArrayList<>();
    if (subset.addresses().isEmpty() && subset.notReadyAddresses().isEmpty()) {
      errors.add(FieldError.required(path, "must specify `addresses` or `notReadyAddresses`",
          "endpoints.subset.addresses.required"));
    }
    for (int j = 0; j < subset.addresses().size(); j++) {
      errors.addAll(address(subset.addresses().get(j), path + ".addresses[" + j + "]"));
    }
    for (int j = 0; j < subset.notReadyAddresses().size(); j++) {
      errors.addAll(address(subset.notReadyAddresses().get(j),
          path + ".notReadyAddresses[" + j + "]"));
    }
    boolean requireName = subset.ports().size() > 1;
    for (int j = 0; j < subset.ports().size(); j++) {
      errors.addAll(port(subset.ports().get(j), requireName, path + ".ports[" + j + "]"));
    }
    return errors;
  }

  private static List<FieldError> address(EndpointAddress address, String path) {
    List<FieldError> errors = new ArrayList<>();
    String ip = address.ip();
    errors.addAll(invalid(path + ".ip", ip, IpRules.ip(ip), "endpoints.address.ip.format"));
    if (!address.hostname().isEmpty()) {
      errors.addAll(invalid(path + ".hostname", address.hostname(),
          NameRules.dns1123Label(address.hostname()), "endpoints.address.hostname.format"));
    }
    if (!address.nodeName().isEmpty()) {
      errors.addAll(invalid(path + ".nodeName", address.nodeName(),
          NameRules.dns1123Subdomain(address.nodeName()), "endpoints.address.node-name.format"));
    }
    errors.addAll(invalid(path + ".ip", ip, NonSpecialIpRules.nonSpecial(ip),
        "endpoints.address.ip.special"));
    return errors;
  }

  private static List<FieldError> port(EndpointPort port, boolean requireName, String path) {
    List<FieldError> errors = new ArrayList<>();
    if (requireName && port.name().isEmpty()) {
      errors.add(FieldError.required(path + ".name", "", "endpoints.port.name.required"));
    } else if (!port.name().isEmpty()) {
      errors.addAll(invalid(path + ".name", port.name(), NameRules.dns1123Label(port.name()),
          "endpoints.port.name.format"));
    }
    int number = port.port().orElse(0);
    errors.addAll(invalid(path + ".port", number, NameRules.portNumber(number),
        "endpoints.port.range"));
    if (!port.appProtocol().isEmpty()) {
      errors.addAll(invalid(path + ".appProtocol", port.appProtocol(),
          NameRules.qualifiedName(port.appProtocol()), "endpoints.port.app-protocol.format"));
    }
    return errors;
  }

  private static List<FieldError> invalid(String path, Object value, List<String> messages,
      String rule) {
    return messages.stream().map(m -> FieldError.invalid(path, value, m, rule)).toList();
  }
}
