package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.net.IpFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Upstream's {@code initIPFamilyFields} ({@code pkg/registry/core/service/storage/alloc.go}):
 * fills {@code ipFamilyPolicy} and {@code ipFamilies} from the cluster's configured families,
 * and says what it refuses. Defaulting keeps the spec ({@link ServiceDefaults}); validation
 * keeps the errors ({@link ServiceValidation}). Running it again on its own output changes
 * nothing and reports the same errors, which is what lets the two share it.
 *
 * <p>Steps, in upstream's order; a step that finds errors ends the run with the spec as it was
 * after setting the policy:
 *
 * <ol>
 *   <li>ExternalName needs nothing; an unchanged PreferDualStack update is left alone.
 *   <li>An unset policy is the old one on update, {@code RequireDualStack} for a headless
 *       Service without selector, else {@code SingleStack}.
 *   <li>{@code ValidateServiceClusterIPsRelatedFields} must pass.
 *   <li>Update: {@code SingleStack} trims an unchanged second clusterIP/family; any other
 *       policy may not drop one.
 *   <li>{@code SingleStack} may not hold two clusterIPs or two families.
 *   <li>Families are inferred from clusterIPs; an address of a family the cluster lacks fails.
 *   <li>Headless without selector: the default family, plus the other unless SingleStack.
 *   <li>{@code RequireDualStack} needs a dual-stack cluster; every family must be configured.
 *   <li>No family yet: the cluster's primary; a dual-stack policy on a dual-stack cluster
 *       adds the other.
 * </ol>
 */
final class ServiceFamilyInit {

  /** The spec after the run, and what upstream would refuse (empty when nothing). */
  record Result(ServiceSpec spec, List<FieldError> errors) {}

  private static final String POLICY = "spec.ipFamilyPolicy";

  private ServiceFamilyInit() {}

  /** Runs {@code initIPFamilyFields} for a create ({@code old} empty) or an update. */
  static Result run(ServiceSpec spec, Optional<ServiceSpec> old, List<IpFamily> cluster) {
    if (spec.type().equals(ServiceFields.EXTERNAL_NAME) || matchingPreferDualStack(spec, old)) {
      return new Result(spec, ImmutableList.of());
    }
    ServiceSpec withPolicy = spec.with(b -> {
      b.ipFamilyPolicy = defaultPolicy(spec, old);
      return b;
    });
    List<FieldError> related = ServiceClusterIpRules.relatedFields(withPolicy);
    if (!related.isEmpty()) {
      return new Result(withPolicy, related);
    }
    ServiceSpec current = old.isPresent() ? trimForSingleStack(withPolicy, old.get()) : withPolicy;
    List<FieldError> errors = new ArrayList<>();
    String policy = current.ipFamilyPolicy();
    if (old.isPresent() && !policy.equals(ServiceFields.SINGLE_STACK)) {
      if (reduced(current.clusterIPs(), old.get().clusterIPs())) {
        errors.add(policyError(current, "must be 'SingleStack' to release the secondary cluster IP",
            "service.ip-family-policy.release-cluster-ip"));
      }
      if (reduced(current.ipFamilies(), old.get().ipFamilies())) {
        errors.add(policyError(current, "must be 'SingleStack' to release the secondary IP family",
            "service.ip-family-policy.release-ip-family"));
      }
    }
    if (policy.equals(ServiceFields.SINGLE_STACK)) {
      if (current.clusterIPs().size() == 2) {
        errors.add(policyError(current, "must be 'RequireDualStack' or 'PreferDualStack' when"
            + " multiple cluster IPs are specified", "service.ip-family-policy.single-stack-ips"));
      }
      if (current.ipFamilies().size() == 2) {
        errors.add(policyError(current, "must be 'RequireDualStack' or 'PreferDualStack' when"
            + " multiple IP families are specified",
            "service.ip-family-policy.single-stack-families"));
      }
    }
    List<String> families = new ArrayList<>(current.ipFamilies());
    for (int i = 0; i < current.clusterIPs().size(); i++) {
      String ip = current.clusterIPs().get(i);
      if (ip.equals(ServiceFields.NONE)) {
        break;
      }
      IpFamily family = IpRules.ipFamily(ip).orElseThrow();
      if (i >= families.size()) {
        if (cluster.contains(family)) {
          families.add(family.kubernetesName());
        } else {
          errors.add(FieldError.invalid("spec.clusterIPs[" + i + "]", current.clusterIPs(),
              family + " is not configured on this cluster",
              "service.cluster-ips.family-not-configured"));
        }
      }
    }
    if (!errors.isEmpty()) {
      return new Result(withPolicy, ImmutableList.copyOf(errors));
    }
    return configured(withFamilies(current, families), cluster);
  }

  /** The steps after the families were inferred from the clusterIPs. */
  private static Result configured(ServiceSpec spec, List<IpFamily> cluster) {
    List<String> families = new ArrayList<>(spec.ipFamilies());
    boolean singleStack = spec.ipFamilyPolicy().equals(ServiceFields.SINGLE_STACK);
    if (spec.clusterIP().equals(ServiceFields.NONE) && spec.selector().isEmpty()) {
      if (families.isEmpty()) {
        families.add(cluster.get(0).kubernetesName());
      }
      if (families.size() < 2 && !singleStack) {
        families.add(otherThan(families.get(0)));
      }
      return new Result(withFamilies(spec, families), ImmutableList.of());
    }
    List<FieldError> errors = new ArrayList<>();
    if (spec.ipFamilyPolicy().equals(ServiceFields.REQUIRE_DUAL_STACK) && cluster.size() < 2) {
      errors.add(policyError(spec, "this cluster is not configured for dual-stack services",
          "service.ip-family-policy.dual-stack-unavailable"));
    }
    for (int i = 0; i < families.size(); i++) {
      Optional<IpFamily> family = IpFamily.named(families.get(i));
      if (family.isEmpty() || !cluster.contains(family.get())) {
        errors.add(FieldError.invalid("spec.ipFamilies[" + i + "]", families.get(i),
            "not configured on this cluster", "service.ip-families.not-configured"));
      }
    }
    if (!errors.isEmpty()) {
      return new Result(spec, ImmutableList.copyOf(errors));
    }
    if (families.isEmpty()) {
      families.add(cluster.get(0).kubernetesName());
    }
    if (!singleStack && families.size() == 1 && cluster.size() == 2) {
      families.add(otherThan(families.get(0)));
    }
    return new Result(withFamilies(spec, families), ImmutableList.of());
  }

  private static String defaultPolicy(ServiceSpec spec, Optional<ServiceSpec> old) {
    if (!spec.ipFamilyPolicy().isEmpty()) {
      return spec.ipFamilyPolicy();
    }
    if (old.isPresent() && !old.get().ipFamilyPolicy().isEmpty()) {
      return old.get().ipFamilyPolicy();
    }
    if (spec.clusterIP().equals(ServiceFields.NONE) && spec.selector().isEmpty()) {
      return ServiceFields.REQUIRE_DUAL_STACK;
    }
    return ServiceFields.SINGLE_STACK;
  }

  /** {@return the spec with an unchanged second clusterIP and family dropped for SingleStack} */
  private static ServiceSpec trimForSingleStack(ServiceSpec spec, ServiceSpec old) {
    if (!spec.ipFamilyPolicy().equals(ServiceFields.SINGLE_STACK)) {
      return spec;
    }
    boolean trimIps = sameClusterIps(old, spec) && spec.clusterIPs().size() > 1;
    boolean trimFamilies = old.ipFamilies().equals(spec.ipFamilies())
        && spec.ipFamilies().size() > 1;
    return spec.with(b -> {
      if (trimIps) {
        b.clusterIPs = spec.clusterIPs().subList(0, 1);
      }
      if (trimFamilies) {
        b.ipFamilies = spec.ipFamilies().subList(0, 1);
      }
      return b;
    });
  }

  /**
   * Upstream's {@code isMatchingPreferDualStackClusterIPFields}: an update that keeps the type,
   * the addresses and the families of a {@code PreferDualStack} Service (the old policy unset
   * or {@code PreferDualStack} too) is left alone, so a cluster turned dual-stack or back does
   * not upgrade or downgrade it behind its owner's back.
   */
  private static boolean matchingPreferDualStack(ServiceSpec spec, Optional<ServiceSpec> old) {
    if (old.isEmpty()) {
      return false;
    }
    String oldPolicy = old.get().ipFamilyPolicy();
    return old.get().type().equals(spec.type())
        && spec.ipFamilyPolicy().equals(ServiceFields.PREFER_DUAL_STACK)
        && (oldPolicy.isEmpty() || oldPolicy.equals(ServiceFields.PREFER_DUAL_STACK))
        && old.get().clusterIPs().equals(spec.clusterIPs())
        && old.get().ipFamilies().equals(spec.ipFamilies());
  }

  static boolean sameClusterIps(ServiceSpec old, ServiceSpec spec) {
    return old.clusterIP().equals(spec.clusterIP()) && old.clusterIPs().equals(spec.clusterIPs());
  }

  /** Upstream's {@code reducedClusterIPs} / {@code reducedIPFamilies}. */
  private static boolean reduced(List<String> now, List<String> before) {
    return !now.isEmpty() && now.size() < before.size();
  }

  private static FieldError policyError(ServiceSpec spec, String detail, String rule) {
    return FieldError.invalid(POLICY, ServiceClusterIpRules.policyValue(spec), detail, rule);
  }

  private static String otherThan(String family) {
    return family.equals(IpFamily.IPV4.kubernetesName())
        ? IpFamily.IPV6.kubernetesName() : IpFamily.IPV4.kubernetesName();
  }

  private static ServiceSpec withFamilies(ServiceSpec spec, List<String> families) {
    if (families.equals(spec.ipFamilies())) {
      return spec;
    }
    return spec.with(b -> {
      b.ipFamilies = families;
      return b;
    });
  }
}
