package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.PersistentVolumeClaimRetentionPolicy;
import io.kubenetsim.model.PodManagementPolicy;
import io.kubenetsim.model.PodTemplateSpec;
import io.kubenetsim.model.StatefulSet;
import io.kubenetsim.model.StatefulSetSpec;
import io.kubenetsim.model.StatefulSetUpdateStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates StatefulSets as kube-apiserver's apps/v1 statefulset strategy does ({@code
 * ValidateStatefulSet}, {@code ValidateStatefulSetSpec}, {@code
 * ValidatePodTemplateSpecForStatefulSet}, {@code validateRollingUpdateStatefulSet}, {@code
 * ValidatePersistentVolumeClaimRetentionPolicy} and {@code ValidateStatefulSetUpdate} in {@code
 * pkg/apis/apps/validation}).
 *
 * <p>Create, in upstream's order: metadata (namespaced; the name a DNS-1123 <em>label</em>,
 * {@code ValidateStatefulSetName}, since pod names and hostnames are made from it); {@code
 * podManagementPolicy} ({@code OrderedReady} or {@code Parallel}); {@code updateStrategy}
 * ({@code RollingUpdate}, whose {@code partition} must not be negative, or {@code OnDelete},
 * which takes no {@code rollingUpdate}); the claim retention policy; {@code replicas}, {@code
 * minReadySeconds} and {@code ordinals.start} not negative; the selector (required, valid, not
 * empty); the template's labels matching it, its labels and annotations; {@code
 * restartPolicy: Always}.
 *
 * <p>Update ({@code ValidateStatefulSetUpdate}): metadata immutability, the spec checks (the
 * name is not checked again), and only {@code replicas}, {@code ordinals}, {@code template},
 * {@code updateStrategy}, {@code persistentVolumeClaimRetentionPolicy} and {@code
 * minReadySeconds} may change: any other change of the spec is Forbidden at {@code spec}.
 *
 * <p>As upstream, the template's pod spec is not validated here (upstream's TODO: volumes
 * would fail): a bad container is accepted and the controller's pod creation fails with
 * {@code FailedCreate}. Simplifications: {@code activeDeadlineSeconds} and the pod-specific
 * annotations are not modelled, and the selector is never absent, so {@code spec.selector:
 * Required value} does not arise.
 *
 * <pre>{@code
 * StatefulSetValidation.validateCreate(StatefulSet.of("shop", "web", -1, "web",
 *     Labels.of("app", "web"), Container.of("web", "nginx", List.of())));
 * // [spec.replicas: Invalid value: -1: must be greater than or equal to 0]
 * }</pre>
 */
public final class StatefulSetValidation {

  /** Upstream's message for a change to a field the update may not touch. */
  static final String FORBIDDEN_UPDATE = "updates to statefulset spec for fields other than "
      + "'replicas', 'ordinals', 'template', 'updateStrategy', "
      + "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

  private StatefulSetValidation() {}

  /** {@return every problem with a stateful set being created} */
  public static List<FieldError> validateCreate(StatefulSet set) {
    List<FieldError> errors = new ArrayList<>(
        MetadataRules.validate(set.metadata(), true, NameFormat.DNS1123_LABEL, "metadata"));
    errors.addAll(validateSpec(set.spec(), "spec"));
    return ImmutableList.copyOf(errors);
  }

  /** {@return every problem with replacing {@code old} by {@code updated}} */
  public static List<FieldError> validateUpdate(StatefulSet old, StatefulSet updated) {
    List<FieldError> errors = new ArrayList<>(
        MetadataRules.validateUpdate(updated.metadata(), old.metadata(), "metadata"));
    errors.addAll(validateSpec(updated.spec(), "spec"));
    StatefulSetSpec mutable = old.spec().withReplicas(updated.spec().replicas())
        .withOrdinalsStart(updated.spec().ordinalsStart())
        .withTemplate(updated.spec().template())
        .withUpdateStrategy(updated.spec().updateStrategy())
        .withPersistentVolumeClaimRetentionPolicy(
            updated.spec().persistentVolumeClaimRetentionPolicy())
        .withMinReadySeconds(updated.spec().minReadySeconds());
    if (!mutable.equals(updated.spec())) {
      errors.add(FieldError.forbidden("spec", FORBIDDEN_UPDATE, "statefulset.spec.forbidden"));
    }
    return ImmutableList.copyOf(errors);
  }

  /** {@return every problem with a stateful set spec at {@code path}} */
  static List<FieldError> validateSpec(StatefulSetSpec spec, String path) {
    List<FieldError> errors = new ArrayList<>(
        podManagementPolicy(spec.podManagementPolicy(), path + ".podManagementPolicy"));
    errors.addAll(updateStrategy(spec.updateStrategy(), path + ".updateStrategy"));
    errors.addAll(retentionPolicy(spec.persistentVolumeClaimRetentionPolicy(),
        path + ".persistentVolumeClaimRetentionPolicy"));
    errors.addAll(MetadataRules.nonNegative(spec.replicas(), path + ".replicas",
        "workload.replicas.negative"));
    errors.addAll(MetadataRules.nonNegative(spec.minReadySeconds(), path + ".minReadySeconds",
        "workload.min-ready-seconds.negative"));
    // Upstream names the child "ordinals.start" in one step, which prints the same path.
    errors.addAll(MetadataRules.nonNegative(spec.ordinalsStart(), path + ".ordinals.start",
        "statefulset.ordinals.start.negative"));
    errors.addAll(selectorAndTemplate(spec.selector(), spec.template(), path));
    if (!spec.template().spec().restartPolicy().equals("Always")) {
      errors.add(FieldError.notSupported(path + ".template.spec.restartPolicy",
          spec.template().spec().restartPolicy(), ImmutableList.of("Always"),
          "workload.template.restart-policy"));
    }
    return ImmutableList.copyOf(errors);
  }

  private static List<FieldError> podManagementPolicy(String policy, String path) {
    if (policy.isEmpty()) {
      return ImmutableList.of(FieldError.required(path, "", "statefulset.pod-management.required"));
    }
    if (PodManagementPolicy.tryParse(policy).isPresent()) {
      return ImmutableList.of();
    }
    return ImmutableList.of(FieldError.invalid(path, policy, "must be '"
        + PodManagementPolicy.ORDERED_READY + "' or '" + PodManagementPolicy.PARALLEL + "'",
        "statefulset.pod-management.invalid"));
  }

  private static List<FieldError> updateStrategy(StatefulSetUpdateStrategy strategy,
      String path) {
    switch (strategy.type()) {
      case "":
        return ImmutableList.of(FieldError.required(path, "", "statefulset.strategy.required"));
      case StatefulSetUpdateStrategy.ON_DELETE:
        return strategy.partition().map(p -> ImmutableList.of(FieldError.invalid(
            path + ".rollingUpdate", GoValues.raw("{\"partition\":" + p + "}"),
            "only allowed for updateStrategy '" + StatefulSetUpdateStrategy.ROLLING_UPDATE + "'",
            "statefulset.strategy.rolling-update-on-delete"))).orElse(ImmutableList.of());
      case StatefulSetUpdateStrategy.ROLLING_UPDATE:
        return strategy.partition().map(p -> MetadataRules.nonNegative(p,
            path + ".rollingUpdate.partition", "statefulset.strategy.partition.negative"))
            .orElse(ImmutableList.of());
      default:
        // Upstream reports the whole strategy as the value, at spec.updateStrategy.
        String value = "{\"type\":" + GoValues.quote(strategy.type())
            + strategy.partition().map(p -> ",\"rollingUpdate\":{\"partition\":" + p + "}")
                .orElse("") + "}";
        return ImmutableList.of(FieldError.invalid(path, GoValues.raw(value), "must be '"
            + StatefulSetUpdateStrategy.ROLLING_UPDATE + "' or '"
            + StatefulSetUpdateStrategy.ON_DELETE + "'", "statefulset.strategy.type"));
    }
  }

  private static List<FieldError> retentionPolicy(PersistentVolumeClaimRetentionPolicy policy,
      String path) {
    List<FieldError> errors = new ArrayList<>();
    retentionType(policy.whenDeleted(), path + ".whenDeleted").ifPresent(errors::add);
    retentionType(policy.whenScaled(), path + ".whenScaled").ifPresent(errors::add);
    return errors;
  }

  private static java.util.Optional<FieldError> retentionType(String value, String path) {
    if (value.equals(PersistentVolumeClaimRetentionPolicy.RETAIN)
        || value.equals(PersistentVolumeClaimRetentionPolicy.DELETE)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(FieldError.notSupported(path, value, ImmutableList.of(
        PersistentVolumeClaimRetentionPolicy.RETAIN, PersistentVolumeClaimRetentionPolicy.DELETE),
        "statefulset.pvc-retention.type"));
  }

  /**
   * The selector, then the template when the selector converts: upstream's {@code
   * LabelSelectorAsSelector} fails on a selector with errors, which adds an Invalid with no
   * detail and skips the template (as {@code WorkloadRules} does for Deployments).
   */
  private static List<FieldError> selectorAndTemplate(LabelSelector selector,
      PodTemplateSpec template, String path) {
    String selectorPath = path + ".selector";
    List<FieldError> selectorErrors = SelectorRules.validate(selector, selectorPath);
    List<FieldError> errors = new ArrayList<>(selectorErrors);
    if (selector.isEmpty()) {
      errors.add(FieldError.invalid(selectorPath, GoValues.selector(selector),
          "empty selector is invalid for statefulset", "statefulset.selector.empty"));
    }
    if (!selectorErrors.isEmpty()) {
      errors.add(FieldError.invalid(selectorPath, GoValues.selector(selector), "",
          "statefulset.selector.invalid"));
      return errors;
    }
    String templatePath = path + ".template";
    if (!selector.isEmpty() && !selector.matches(template.labels())) {
      errors.add(FieldError.invalid(templatePath + ".metadata.labels",
          GoValues.labels(template.labels().asMap()),
          "`selector` does not match template `labels`", "workload.template.labels-mismatch"));
    }
    errors.addAll(MetadataRules.labels(template.labels().asMap(), templatePath + ".labels"));
    errors.addAll(MetadataRules.annotations(template.metadata().annotations(),
        templatePath + ".annotations"));
    return errors;
  }
}
