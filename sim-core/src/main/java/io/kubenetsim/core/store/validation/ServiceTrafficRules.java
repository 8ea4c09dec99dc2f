package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How traffic reaches a Service's endpoints: session affinity ({@code ValidateService}, {@code
 * validateClientIPAffinityConfig}, {@code validateAffinityTimeout}), external traffic policy and
 * health-check node port ({@code validateServiceExternalTrafficPolicy}, {@code
 * validateServiceExternalTrafficFieldsUpdate}), internal traffic policy ({@code
 * validateServiceInternalTrafficFieldsValue}) and traffic distribution ({@code
 * validateServiceTrafficDistribution}).
 */
final class ServiceTrafficRules {

  /** Upstream's {@code MaxClientIPServiceAffinitySeconds}: one day. */
  static final int MAX_CLIENT_IP_TIMEOUT_SECONDS = 86400;

  static final ImmutableList<String> AFFINITIES =
      ImmutableList.of(ServiceFields.CLIENT_IP, ServiceFields.NONE);
  static final ImmutableList<String> TRAFFIC_POLICIES =
      ImmutableList.of(ServiceFields.CLUSTER, ServiceFields.LOCAL);

  /**
   * The values of {@code trafficDistribution} with the {@code PreferSameTrafficDistribution}
   * gate on (its default since 1.34), sorted as upstream's {@code sets.List} prints them.
   */
  static final ImmutableList<String> TRAFFIC_DISTRIBUTIONS =
      ImmutableList.of("PreferClose", "PreferSameNode", "PreferSameZone");

  private static final String CONFIG = "spec.sessionAffinityConfig";
  private static final String HEALTH_CHECK = "spec.healthCheckNodePort";

  private ServiceTrafficRules() {}

  /** {@return sessionAffinity required and known; its config required for ClientIP only} */
  static List<FieldError> sessionAffinity(ServiceSpec spec) {
    List<FieldError> errors = new ArrayList<>();
    String affinity = spec.sessionAffinity();
    if (affinity.isEmpty()) {
      errors.add(FieldError.required("spec.sessionAffinity", "",
          "service.session-affinity.required"));
    } else if (!AFFINITIES.contains(affinity)) {
      errors.add(FieldError.notSupported("spec.sessionAffinity", affinity, AFFINITIES,
          "service.session-affinity.unsupported"));
    }
    Optional<Integer> timeout = spec.sessionAffinityTimeoutSeconds();
    if (affinity.equals(ServiceFields.CLIENT_IP)) {
      // The model keeps only the timeout, so a missing timeout reads as a missing config.
      if (timeout.isEmpty()) {
        errors.add(FieldError.required(CONFIG, "when session affinity type is ClientIP",
            "service.session-affinity-config.required"));
      } else if (timeout.get() <= 0 || timeout.get() > MAX_CLIENT_IP_TIMEOUT_SECONDS) {
        errors.add(FieldError.invalid(CONFIG + ".clientIP.timeoutSeconds", timeout.get(),
            "must be greater than 0 and less than " + MAX_CLIENT_IP_TIMEOUT_SECONDS,
            "service.session-affinity-config.timeout-range"));
      }
    } else if (affinity.equals(ServiceFields.NONE) && timeout.isPresent()) {
      errors.add(FieldError.forbidden(CONFIG, "must not be set when session affinity is None",
          "service.session-affinity-config.forbidden"));
    }
    return errors;
  }

  /** {@return upstream's {@code validateServiceExternalTrafficPolicy}, healthCheckNodePort too} */
  static List<FieldError> externalTrafficPolicy(ServiceSpec spec) {
    List<FieldError> errors = new ArrayList<>();
    String policy = spec.externalTrafficPolicy();
    String path = "spec.externalTrafficPolicy";
    if (!ServiceFields.externallyAccessible(spec)) {
      if (!policy.isEmpty()) {
        errors.add(FieldError.invalid(path, policy,
            "may only be set for externally-accessible services",
            "service.external-traffic-policy.forbidden"));
      }
    } else if (policy.isEmpty()) {
      errors.add(FieldError.required(path, "", "service.external-traffic-policy.required"));
    } else if (!TRAFFIC_POLICIES.contains(policy)) {
      errors.add(FieldError.notSupported(path, policy, TRAFFIC_POLICIES,
          "service.external-traffic-policy.unsupported"));
    }
    int port = spec.healthCheckNodePort();
    if (!ServiceFields.needsHealthCheck(spec)) {
      if (port != 0) {
        errors.add(FieldError.invalid(HEALTH_CHECK, port, "may only be set when `type` is"
            + " 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
            "service.health-check-node-port.forbidden"));
      }
    } else if (port == 0) {
      errors.add(FieldError.required(HEALTH_CHECK, "", "service.health-check-node-port.required"));
    } else {
      for (String message : NameRules.portNumber(port)) {
        errors.add(FieldError.invalid(HEALTH_CHECK, port, message,
            "service.health-check-node-port.range"));
      }
    }
    return errors;
  }

  /** {@return healthCheckNodePort frozen while both old and new need it} */
  static List<FieldError> externalTrafficFieldsUpdate(ServiceSpec old, ServiceSpec updated) {
    if (ServiceFields.needsHealthCheck(old) && ServiceFields.needsHealthCheck(updated)
        && old.healthCheckNodePort() != updated.healthCheckNodePort()) {
      return ImmutableList.of(FieldError.forbidden(HEALTH_CHECK, MetadataRules.FIELD_IMMUTABLE,
          "service.update.health-check-node-port-changed"));
    }
    return ImmutableList.of();
  }

  /**
   * {@return internalTrafficPolicy required for ClusterIP, NodePort and LoadBalancer, and one
   * of {@link #TRAFFIC_POLICIES} when set}
   */
  static List<FieldError> internalTrafficPolicy(ServiceSpec spec) {
    String policy = spec.internalTrafficPolicy();
    String path = "spec.internalTrafficPolicy";
    if (policy.isEmpty()) {
      boolean needed = spec.type().equals(ServiceFields.NODE_PORT)
          || spec.type().equals(ServiceFields.LOAD_BALANCER)
          || spec.type().equals(ServiceFields.CLUSTER_IP);
      return needed
          ? ImmutableList.of(FieldError.required(path, "",
              "service.internal-traffic-policy.required"))
          : ImmutableList.of();
    }
    if (!TRAFFIC_POLICIES.contains(policy)) {
      return ImmutableList.of(FieldError.notSupported(path, policy, TRAFFIC_POLICIES,
          "service.internal-traffic-policy.unsupported"));
    }
    return ImmutableList.of();
  }

  /** {@return trafficDistribution, when set, one of {@link #TRAFFIC_DISTRIBUTIONS}} */
  static List<FieldError> trafficDistribution(ServiceSpec spec) {
    String value = spec.trafficDistribution();
    if (value.isEmpty() || TRAFFIC_DISTRIBUTIONS.contains(value)) {
      return ImmutableList.of();
    }
    return ImmutableList.of(FieldError.notSupported("spec.trafficDistribution", value,
        TRAFFIC_DISTRIBUTIONS, "service.traffic-distribution.unsupported"));
  }
}
