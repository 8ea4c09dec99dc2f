package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.ServiceCIDR;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Validates ServiceCIDRs as kube-apiserver does ({@code ValidateServiceCIDR}, {@code
 * ValidateServiceCIDRUpdate} in {@code pkg/apis/networking/validation}).
 *
 * <p>Create: metadata (cluster-scoped, name a DNS-1123 subdomain); {@code spec.cidrs} holds one
 * or two CIDRs, two only if one is IPv4 and the other IPv6; each a CIDR. The count and family
 * checks stop at the first failure, as upstream's do. Update: the create rules, metadata
 * immutability, and {@code spec.cidrs} may not change at all.
 *
 * <p>Simplification: some newer releases let an update add a second family's CIDR; kube-netsim
 * keeps the rule of the revision read, that the list is immutable.
 *
 * <pre>{@code
 * ServiceCIDRValidation.validateCreate(ServiceCIDR.of("kubernetes", List.of("10.96.0.0/12")));
 * }</pre>
 */
public final class ServiceCIDRValidation {

  private static final String CIDRS = "spec.cidrs";

  private ServiceCIDRValidation() {}

  /** {@return every problem with a ServiceCIDR being created} */
  public static List<FieldError> validateCreate(ServiceCIDR serviceCidr) {
    List<FieldError> errors = new ArrayList<>(MetadataRules.validate(
        serviceCidr.metadata(), false, NameFormat.DNS1123_SUBDOMAIN, "metadata"));
    errors.addAll(cidrs(serviceCidr.cidrs()));
    return ImmutableList.copyOf(errors);
  }

  /** {@return every problem with replacing {@code old} by {@code updated}} */
  public static List<FieldError> validateUpdate(ServiceCIDR old, ServiceCIDR updated) {
    List<FieldError> errors = new ArrayList<>(validateCreate(updated));
    errors.addAll(MetadataRules.validateUpdate(updated.metadata(), old.metadata(), "metadata"));
    if (!updated.cidrs().equals(old.cidrs())) {
      errors.add(FieldError.invalid(CIDRS, ServiceClusterIpRules.list(updated.cidrs()),
          MetadataRules.FIELD_IMMUTABLE, "service-cidr.update.cidrs-immutable"));
    }
    return ImmutableList.copyOf(errors);
  }

  private static List<FieldError> cidrs(List<String> cidrs) {
    if (cidrs.isEmpty()) {
      return ImmutableList.of(FieldError.required(CIDRS, "at least one CIDR required",
          "service-cidr.cidrs.required"));
    }
    if (cidrs.size() > 2) {
      return ImmutableList.of(FieldError.invalid(CIDRS, spec(cidrs),
          "may only hold up to 2 values", "service-cidr.cidrs.too-many"));
    }
    if (cidrs.size() == 2 && !ServiceFields.isDualStack(
        cidrs.stream().map(IpRules::cidrFamily).toList())) {
      return ImmutableList.of(FieldError.invalid(CIDRS, spec(cidrs),
          "may specify no more than one IP for each IP family, i.e 192.168.0.0/24 and"
              + " 2001:db8::/64", "service-cidr.cidrs.dual-stack"));
    }
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < cidrs.size(); i++) {
      for (String message : IpRules.cidr(cidrs.get(i))) {
        errors.add(FieldError.invalid(CIDRS + "[" + i + "]", cidrs.get(i), message,
            "service-cidr.cidrs.format"));
      }
    }
    return errors;
  }

  /** The internal {@code ServiceCIDRSpec} upstream shows as the value, in Go's field names. */
  private static Object spec(List<String> cidrs) {
    return GoValues.raw("{\"CIDRs\":" + cidrs.stream().map(GoValues::quote)
        .collect(Collectors.joining(",", "[", "]")) + "}");
  }
}
