package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts of upstream's {@code ValidateService} that depend on {@code spec.type}: the
 * per-type switch (headless NodePort/LoadBalancer, ExternalName's rules), {@code type} itself,
 * {@code externalIPs}, load-balancer source ranges, {@code allocateLoadBalancerNodePorts} and
 * {@code loadBalancerClass} ({@code validateLoadBalancerClassField}).
 */
final class ServiceTypeRules {

  /** Upstream's supported types, sorted as {@code sets.List} prints them. */
  static final ImmutableList<String> TYPES = ImmutableList.of(ServiceFields.CLUSTER_IP,
      ServiceFields.EXTERNAL_NAME, ServiceFields.LOAD_BALANCER, ServiceFields.NODE_PORT);

  /** The annotation that stands in for {@code spec.loadBalancerSourceRanges} when it is empty. */
  static final String SOURCE_RANGES_ANNOTATION =
      "service.beta.kubernetes.io/load-balancer-source-ranges";

  private static final String ONLY_LOAD_BALANCER = "may only be used when `type` is 'LoadBalancer'";
  private static final String EXTERNAL_NAME_ONLY = "may not be set for ExternalName services";

  private ServiceTypeRules() {}

  /** {@return the checks of upstream's {@code switch service.Spec.Type}} */
  static List<FieldError> typeSwitch(ServiceSpec spec) {
    List<FieldError> errors = new ArrayList<>();
    switch (spec.type()) {
      case ServiceFields.LOAD_BALANCER, ServiceFields.NODE_PORT -> {
        if (ServiceFields.isHeadless(spec)) {
          errors.add(FieldError.invalid("spec.clusterIPs[0]", spec.clusterIPs().get(0),
              "may not be set to 'None' for " + spec.type() + " services",
              "service.cluster-ips.headless-forbidden"));
        }
      }
      case ServiceFields.EXTERNAL_NAME -> errors.addAll(externalName(spec));
      default -> { }
    }
    return errors;
  }

  private static List<FieldError> externalName(ServiceSpec spec) {
    List<FieldError> errors = new ArrayList<>();
    if (!spec.clusterIPs().isEmpty()) {
      errors.add(FieldError.forbidden("spec.clusterIPs", EXTERNAL_NAME_ONLY,
          "service.external-name.cluster-ips-forbidden"));
    }
    if (!spec.ipFamilies().isEmpty()) {
      errors.add(FieldError.forbidden("spec.ipFamilies", EXTERNAL_NAME_ONLY,
          "service.external-name.ip-families-forbidden"));
    }
    if (!spec.ipFamilyPolicy().isEmpty()) {
      errors.add(FieldError.forbidden("spec.ipFamilyPolicy", EXTERNAL_NAME_ONLY,
          "service.external-name.ip-family-policy-forbidden"));
    }
    // The value (a CNAME) may end in one dot to mark it fully qualified.
    String name = spec.externalName().endsWith(".")
        ? spec.externalName().substring(0, spec.externalName().length() - 1)
        : spec.externalName();
    if (name.isEmpty()) {
      errors.add(FieldError.required("spec.externalName", "", "service.external-name.required"));
    }
    for (String message : name.isEmpty() ? List.<String>of() : NameRules.dns1123Subdomain(name)) {
      errors.add(FieldError.invalid("spec.externalName", name, message,
          "service.external-name.format"));
    }
    return errors;
  }

  /** {@return each external IP a valid address, then not a special one} */
  static List<FieldError> externalIps(ServiceSpec spec) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < spec.externalIPs().size(); i++) {
      String ip = spec.externalIPs().get(i);
      String path = "spec.externalIPs[" + i + "]";
      List<String> format = IpRules.ip(ip);
      for (String message : format) {
        errors.add(FieldError.invalid(path, ip, message, "service.external-ips.format"));
      }
      if (format.isEmpty()) {
        for (String message : NonSpecialIpRules.nonSpecial(ip)) {
          errors.add(FieldError.invalid(path, ip, message, "service.external-ips.special"));
        }
      }
    }
    return errors;
  }

  /** {@return {@code spec.type} required and one of {@link #TYPES}} */
  static List<FieldError> type(ServiceSpec spec) {
    if (spec.type().isEmpty()) {
      return ImmutableList.of(FieldError.required("spec.type", "", "service.type.required"));
    }
    if (!TYPES.contains(spec.type())) {
      return ImmutableList.of(FieldError.notSupported("spec.type", spec.type(), TYPES,
          "service.type.unsupported"));
    }
    return ImmutableList.of();
  }

  /**
   * {@return source ranges only for LoadBalancer, each (trimmed) a CIDR} The field's path has
   * a capital L, as upstream writes it; the annotation is read only when the field is empty.
   */
  static List<FieldError> sourceRanges(Service service) {
    ServiceSpec spec = service.spec();
    boolean loadBalancer = spec.type().equals(ServiceFields.LOAD_BALANCER);
    List<FieldError> errors = new ArrayList<>();
    Map<String, String> annotations = service.metadata().annotations();
    if (!spec.loadBalancerSourceRanges().isEmpty()) {
      String path = "spec.LoadBalancerSourceRanges";
      if (!loadBalancer) {
        errors.add(FieldError.forbidden(path, ONLY_LOAD_BALANCER,
            "service.load-balancer-source-ranges.forbidden"));
      }
      for (int i = 0; i < spec.loadBalancerSourceRanges().size(); i++) {
        errors.addAll(cidr(spec.loadBalancerSourceRanges().get(i).strip(), path + "[" + i + "]"));
      }
    } else if (annotations.containsKey(SOURCE_RANGES_ANNOTATION)) {
      String path = "metadata.annotations[" + SOURCE_RANGES_ANNOTATION + "]";
      if (!loadBalancer) {
        errors.add(FieldError.forbidden(path, ONLY_LOAD_BALANCER,
            "service.load-balancer-source-ranges.forbidden"));
      }
      String value = annotations.get(SOURCE_RANGES_ANNOTATION).strip();
      if (!value.isEmpty()) {
        for (String range : value.split(",", -1)) {
          errors.addAll(cidr(range.strip(), path));
        }
      }
    }
    return errors;
  }

  private static List<FieldError> cidr(String value, String path) {
    List<FieldError> errors = new ArrayList<>();
    for (String message : IpRules.cidr(value)) {
      errors.add(FieldError.invalid(path, value, message,
          "service.load-balancer-source-ranges.format"));
    }
    return errors;
  }

  /**
   * {@return allocateLoadBalancerNodePorts only for LoadBalancer, and set there} Upstream's
   * Required error lacks the {@code spec.} prefix; copied as written.
   */
  static List<FieldError> allocateLoadBalancerNodePorts(ServiceSpec spec) {
    boolean loadBalancer = spec.type().equals(ServiceFields.LOAD_BALANCER);
    if (spec.allocateLoadBalancerNodePorts().isPresent() && !loadBalancer) {
      return ImmutableList.of(FieldError.forbidden("spec.allocateLoadBalancerNodePorts",
          ONLY_LOAD_BALANCER, "service.allocate-load-balancer-node-ports.forbidden"));
    }
    if (loadBalancer && spec.allocateLoadBalancerNodePorts().isEmpty()) {
      return ImmutableList.of(FieldError.required("allocateLoadBalancerNodePorts", "",
          "service.allocate-load-balancer-node-ports.required"));
    }
    return ImmutableList.of();
  }

  /** {@return upstream's {@code validateLoadBalancerClassField}; {@code old} null on create} */
  static List<FieldError> loadBalancerClass(ServiceSpec old, ServiceSpec spec) {
    List<FieldError> errors = new ArrayList<>();
    String path = "spec.loadBalancerClass";
    boolean loadBalancer = spec.type().equals(ServiceFields.LOAD_BALANCER);
    if (old != null && old.type().equals(ServiceFields.LOAD_BALANCER) && loadBalancer
        && !old.loadBalancerClass().equals(spec.loadBalancerClass())) {
      errors.add(FieldError.invalid(path, classValue(spec), "may not change once set",
          "service.update.load-balancer-class-changed"));
    }
    if (spec.loadBalancerClass().isEmpty()) {
      return errors;
    }
    if (loadBalancer) {
      for (String message : NameRules.qualifiedName(spec.loadBalancerClass())) {
        errors.add(FieldError.invalid(path, spec.loadBalancerClass(), message,
            "service.load-balancer-class.format"));
      }
    } else {
      errors.add(FieldError.forbidden(path, ONLY_LOAD_BALANCER,
          "service.load-balancer-class.forbidden"));
    }
    return errors;
  }

  private static Object classValue(ServiceSpec spec) {
    return spec.loadBalancerClass().isEmpty()
        ? GoValues.raw("null") : spec.loadBalancerClass();
  }
}
