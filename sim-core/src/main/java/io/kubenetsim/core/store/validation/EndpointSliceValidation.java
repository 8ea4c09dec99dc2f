package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.net.IpFamily;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates EndpointSlices as kube-apiserver does ({@code ValidateEndpointSliceCreate}, {@code
 * ValidateEndpointSliceUpdate} in {@code pkg/apis/discovery/validation}).
 *
 * <ul>
 *   <li>metadata: namespaced, name a DNS-1123 subdomain;
 *   <li>{@code addressType}: required; {@code IPv4}, {@code IPv6} or {@code FQDN} (the
 *       deprecated {@code IP} only on update); immutable;
 *   <li>{@code endpoints}: at most 1000; each with 1 to 100 addresses of the slice's type, IP
 *       addresses not special ({@code ValidateNonSpecialIP}); {@code hostname} a DNS-1123 label;
 *   <li>{@code ports}: at most 100; names DNS-1123 labels and unique, the empty name included
 *       (two unnamed ports are a Duplicate); {@code appProtocol} a qualified name.
 * </ul>
 *
 * <p>Departure: kube-netsim also checks that a set port number lies in 1..65535 (rule {@code
 * endpoint-slice.port.range}); upstream's discovery validation does not look at the number.
 * The protocol is an enum in the model, so upstream's protocol check cannot fail here.
 *
 * <pre>{@code
 * EndpointSliceValidation.validateCreate(slice);  // [] when valid
 * }</pre>
 */
public final class EndpointSliceValidation {

  public static final int MAX_ENDPOINTS = 1000;
  public static final int MAX_ADDRESSES = 100;
  public static final int MAX_PORTS = 100;

  /** Address types accepted on create, sorted as upstream's {@code sets.List} prints them. */
  public static final ImmutableList<String> ADDRESS_TYPES =
      ImmutableList.of("FQDN", "IPv4", "IPv6");

  /** Address types accepted on update: the create ones plus the deprecated {@code IP}. */
  public static final ImmutableList<String> UPDATE_ADDRESS_TYPES =
      ImmutableList.of("FQDN", "IP", "IPv4", "IPv6");

  private EndpointSliceValidation() {}

  /** {@return every problem with a slice being created} */
  public static List<FieldError> validateCreate(EndpointSlice slice) {
    return validate(slice, ADDRESS_TYPES);
  }

  /** {@return every problem with replacing {@code old} by {@code updated}} */
  public static List<FieldError> validateUpdate(EndpointSlice old, EndpointSlice updated) {
    List<FieldError> errors = new ArrayList<>(
        MetadataRules.validateUpdate(updated.metadata(), old.metadata(), "metadata"));
    errors.addAll(validate(updated, UPDATE_ADDRESS_TYPES));
    if (!updated.addressType().equals(old.addressType())) {
      errors.add(FieldError.invalid("addressType", updated.addressType(),
          MetadataRules.FIELD_IMMUTABLE, "endpoint-slice.update.address-type-immutable"));
    }
    return ImmutableList.copyOf(errors);
  }

  private static List<FieldError> validate(EndpointSlice slice, List<String> addressTypes) {
    List<FieldError> errors = new ArrayList<>(MetadataRules.validate(
        slice.metadata(), true, NameFormat.DNS1123_SUBDOMAIN, "metadata"));
    if (slice.addressType().isEmpty()) {
      errors.add(FieldError.required("addressType", "", "endpoint-slice.address-type.required"));
    } else if (!addressTypes.contains(slice.addressType())) {
      errors.add(FieldError.notSupported("addressType", slice.addressType(), addressTypes,
          "endpoint-slice.address-type.unsupported"));
    }
    errors.addAll(endpoints(slice.endpoints(), slice.addressType()));
    errors.addAll(ports(slice.ports()));
    return ImmutableList.copyOf(errors);
  }

  private static List<FieldError> endpoints(List<Endpoint> endpoints, String addressType) {
    if (endpoints.size() > MAX_ENDPOINTS) {
      return ImmutableList.of(FieldError.tooMany("endpoints", endpoints.size(), MAX_ENDPOINTS,
          "endpoint-slice.endpoints.too-many"));
    }
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < endpoints.size(); i++) {
      Endpoint endpoint = endpoints.get(i);
      String path = "endpoints[" + i + "]";
      String addressesPath = path + ".addresses";
      if (endpoint.addresses().isEmpty()) {
        errors.add(FieldError.required(addressesPath, "must contain at least 1 address",
            "endpoint-slice.endpoint.addresses.required"));
      } else if (endpoint.addresses().size() > MAX_ADDRESSES) {
        errors.add(FieldError.tooMany(addressesPath, endpoint.addresses().size(), MAX_ADDRESSES,
            "endpoint-slice.endpoint.addresses.too-many"));
      }
      for (int j = 0; j < endpoint.addresses().size(); j++) {
        errors.addAll(address(endpoint.addresses().get(j), addressType,
            addressesPath + "[" + j + "]"));
      }
      if (!endpoint.hostname().isEmpty()) {
        for (String message : NameRules.dns1123Label(endpoint.hostname())) {
          errors.add(FieldError.invalid(path + ".hostname", endpoint.hostname(), message,
              "endpoint-slice.endpoint.hostname.format"));
        }
      }
    }
    return errors;
  }

  /** One address checked against the slice's type; unknown types are not checked, as upstream. */
  private static List<FieldError> address(String address, String addressType, String path) {
    switch (addressType) {
      case "IP":
        return invalid(path, address, IpRules.ip(address),
            "endpoint-slice.endpoint.address.format");
      case "IPv4":
      case "IPv6":
        IpFamily wanted = addressType.equals("IPv4") ? IpFamily.IPV4 : IpFamily.IPV6;
        if (!IpRules.ipFamily(address).equals(Optional.of(wanted))) {
          return invalid(path, address, List.of("must be a valid " + addressType + " address"),
              "endpoint-slice.endpoint.address.format");
        }
        return invalid(path, address, NonSpecialIpRules.nonSpecial(address),
            "endpoint-slice.endpoint.address.special");
      case "FQDN":
        return FqdnRules.fullyQualifiedDomainName(address, path);
      default:
        return ImmutableList.of();
    }
  }

  private static List<FieldError> ports(List<EndpointPort> ports) {
    if (ports.size() > MAX_PORTS) {
      return ImmutableList.of(FieldError.tooMany("ports", ports.size(), MAX_PORTS,
          "endpoint-slice.ports.too-many"));
    }
    List<FieldError> errors = new ArrayList<>();
    Set<String> names = new HashSet<>(); // lookup only; never iterated
    for (int i = 0; i < ports.size(); i++) {
      EndpointPort port = ports.get(i);
      String path = "ports[" + i + "]";
      if (!port.name().isEmpty()) {
        errors.addAll(invalid(path + ".name", port.name(), NameRules.dns1123Label(port.name()),
            "endpoint-slice.port.name.format"));
      }
      if (!names.add(port.name())) {
        errors.add(FieldError.duplicate(path + ".name", port.name(),
            "endpoint-slice.port.name.duplicate"));
      }
      if (port.port().isPresent()) {
        errors.addAll(invalid(path + ".port", port.port().get(),
            NameRules.portNumber(port.port().get()), "endpoint-slice.port.range"));
      }
      if (!port.appProtocol().isEmpty()) {
        errors.addAll(invalid(path + ".appProtocol", port.appProtocol(),
            NameRules.qualifiedName(port.appProtocol()),
            "endpoint-slice.port.app-protocol.format"));
      }
    }
    return errors;
  }

  private static List<FieldError> invalid(String path, Object value, List<String> messages,
      String rule) {
    if (messages.isEmpty()) {
      return List.of();
    }
    return messages.stream().map(m -> FieldError.invalid(path, value, m, rule)).toList();
  }
}
