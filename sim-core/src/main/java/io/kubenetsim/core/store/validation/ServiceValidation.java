package io.kubenetsim.core.store.validation;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates Services as kube-apiserver does, for a cluster whose service IP ranges are given:
 * the IP-family checks of the registry's {@code initIPFamilyFields}, then {@code
 * ValidateService} (create) or {@code ValidateServiceUpdate} (update), in
 * {@code pkg/apis/core/validation}.
 *
 * <p>Validate the <em>defaulted</em> Service: {@link ServiceDefaults#apply(Service, List)} or
 * {@link ServiceDefaults#applyUpdate(Service, Service, List)} with {@link #ipFamilies()} first.
 * Upstream's order is defaults, {@link #validateIpFamilies} (which, failing, is the only
 * answer), allocation (range and "already allocated" errors are the allocator's, not checked
 * here), then the full rules. The full rules need what allocation fills: a LoadBalancer with
 * {@code externalTrafficPolicy: Local} and no healthCheckNodePort is {@code Required}. The
 * create and update methods run {@link #validateIpFamilies} first and return only its errors
 * when it fails.
 *
 * <p>Departures: the LoadBalancer status ({@code ValidateLoadBalancerStatus}) is a status
 * subresource rule and is not checked; neither is a LoadBalancer port 10250 (upstream has no
 * such rule).
 *
 * <pre>{@code
 * ServiceValidation rules = new ServiceValidation(List.of(Cidr.parse("10.96.0.0/12")));
 * List<FieldError> errors =
 *     rules.validateCreate(ServiceDefaults.apply(service, rules.ipFamilies()));
 * }</pre>
 *
 * <p>Immutable and stateless; one instance can be shared.
 */
public final class ServiceValidation {

  /** Upstream's {@code AnnotationTopologyMode}. */
  public static final String TOPOLOGY_MODE_ANNOTATION = "service.kubernetes.io/topology-mode";

  /** Upstream's {@code DeprecatedAnnotationTopologyAwareHints}. */
  public static final String TOPOLOGY_HINTS_ANNOTATION =
      "service.kubernetes.io/topology-aware-hints";

  private final ImmutableList<IpFamily> families;

  /**
   * @param serviceCidrs the cluster's service IP ranges ({@code --service-cluster-ip-range}),
   *     primary first: one, or one of each family
   * @throws IllegalArgumentException when there are none, more than two, or two of one family
   */
  public ServiceValidation(List<Cidr> serviceCidrs) {
    checkArgument(!serviceCidrs.isEmpty() && serviceCidrs.size() <= 2,
        "a cluster has one or two service CIDRs (one per IP family), got %s", serviceCidrs);
    this.families = serviceCidrs.stream().map(cidr -> cidr.network().family())
        .collect(ImmutableList.toImmutableList());
    checkArgument(families.size() == 1 || families.get(0) != families.get(1),
        "two service CIDRs must be of different IP families, got %s", serviceCidrs);
  }

  /** {@return the cluster's service IP families, primary first} */
  public List<IpFamily> ipFamilies() {
    return families;
  }

  /** {@return what {@code initIPFamilyFields} refuses in a Service being created} */
  public List<FieldError> validateIpFamilies(Service service) {
    return ServiceFamilyInit.run(service.spec(), Optional.empty(), families).errors();
  }

  /** {@return what {@code initIPFamilyFields} refuses in an update of {@code old}} */
  public List<FieldError> validateIpFamiliesUpdate(Service old, Service updated) {
    return ServiceFamilyInit.run(updated.spec(), Optional.of(old.spec()), families).errors();
  }

  /** {@return every problem with a defaulted Service being created, in upstream's order} */
  public List<FieldError> validateCreate(Service service) {
    List<FieldError> familyErrors = validateIpFamilies(service);
    return familyErrors.isEmpty() ? validateService(service) : familyErrors;
  }

  /**
   * {@return every problem with replacing {@code old} by the defaulted {@code updated}}
   *
   * <p>Steps, as upstream: IP-family checks; metadata immutability; clusterIPs and ipFamilies
   * may not change once set (except to or from ExternalName); loadBalancerClass may not change
   * while LoadBalancer stays LoadBalancer; healthCheckNodePort is frozen while needed; then
   * every create rule on {@code updated}.
   */
  public List<FieldError> validateUpdate(Service old, Service updated) {
    List<FieldError> familyErrors = validateIpFamiliesUpdate(old, updated);
    if (!familyErrors.isEmpty()) {
      return familyErrors;
    }
    List<FieldError> errors = new ArrayList<>(
        MetadataRules.validateUpdate(updated.metadata(), old.metadata(), "metadata"));
    errors.addAll(ServiceClusterIpRules.upgradeDowngrade(old.spec(), updated.spec()));
    List<FieldError> classErrors =
        ServiceTypeRules.loadBalancerClass(old.spec(), updated.spec());
    // Upstream runs the class rules twice on update (here with the old Service, again inside
    // ValidateService without it); only the "may not change" error is new here.
    classErrors.stream().filter(e -> e.rule().startsWith("service.update."))
        .forEach(errors::add);
    errors.addAll(ServiceTrafficRules.externalTrafficFieldsUpdate(old.spec(), updated.spec()));
    errors.addAll(validateService(updated));
    return ImmutableList.copyOf(errors);
  }

  /** Upstream's {@code ValidateService}, step for step. */
  private static List<FieldError> validateService(Service service) {
    ServiceSpec spec = service.spec();
    List<FieldError> errors = new ArrayList<>(MetadataRules.validate(
        service.metadata(), true, NameFormat.DNS1035_LABEL, "metadata"));
    errors.addAll(topologyAnnotations(service.metadata().annotations()));
    if (spec.ports().isEmpty() && !ServiceFields.isHeadless(spec)
        && !spec.type().equals(ServiceFields.EXTERNAL_NAME)) {
      errors.add(FieldError.required("spec.ports", "", "service.ports.required"));
    }
    errors.addAll(ServiceTypeRules.typeSwitch(spec));
    errors.addAll(ServicePortRules.eachPort(spec));
    errors.addAll(MetadataRules.labels(spec.selector(), "spec.selector"));
    errors.addAll(ServiceTrafficRules.sessionAffinity(spec));
    errors.addAll(ServiceClusterIpRules.relatedFields(spec));
    errors.addAll(ServiceTypeRules.externalIps(spec));
    errors.addAll(ServiceTypeRules.type(spec));
    errors.addAll(ServicePortRules.clusterIpNodePorts(spec));
    errors.addAll(ServicePortRules.duplicateNodePorts(spec));
    errors.addAll(ServicePortRules.duplicatePorts(spec));
    errors.addAll(ServiceTypeRules.sourceRanges(service));
    errors.addAll(ServiceTypeRules.allocateLoadBalancerNodePorts(spec));
    errors.addAll(ServiceTypeRules.loadBalancerClass(null, spec));
    errors.addAll(ServiceTrafficRules.externalTrafficPolicy(spec));
    errors.addAll(ServiceTrafficRules.internalTrafficPolicy(spec));
    errors.addAll(ServiceTrafficRules.trafficDistribution(spec));
    return ImmutableList.copyOf(errors);
  }

  private static List<FieldError> topologyAnnotations(Map<String, String> annotations) {
    String mode = annotations.get(TOPOLOGY_MODE_ANNOTATION);
    String hints = annotations.get(TOPOLOGY_HINTS_ANNOTATION);
    if (mode != null && hints != null && !mode.equals(hints)) {
      return ImmutableList.of(FieldError.invalid(
          "metadata.annotations[" + TOPOLOGY_MODE_ANNOTATION + "]", mode,
          "must match annotations[" + TOPOLOGY_HINTS_ANNOTATION + "] when both are specified",
          "service.annotation.topology-mode-mismatch"));
    }
    return ImmutableList.of();
  }
}
