package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.PodTemplateSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The selector and pod-template checks Deployments and ReplicaSets share (apps validation's
 * {@code ValidateDeploymentSpec} / {@code ValidateReplicaSetSpec} selector part, {@code
 * ValidatePodTemplateSpecForReplicaSet}, core's {@code ValidatePodTemplateSpec}).
 */
final class WorkloadRules {

  private WorkloadRules() {}

  /**
   * Validates {@code <path>.selector} and {@code <path>.template} together, because upstream
   * only looks at the template once the selector converts to a usable one.
   *
   * <ol>
   *   <li>An absent selector is Required; a present one must pass {@link SelectorRules} and be
   *       non-empty ({@code empty selector is invalid for deployment}: upstream's ReplicaSet
   *       validation prints the same words).
   *   <li>A selector with errors does not convert ({@code LabelSelectorAsSelector} fails): one
   *       more {@code invalid label selector} error, and the template is not validated.
   *   <li>Otherwise the template's labels must match the selector. An absent selector selects
   *       nothing, so it never matches; an empty one selects everything and is not compared.
   *   <li>The template: labels at {@code <path>.template.labels} (upstream's path, without
   *       {@code metadata}), annotations, the pod spec at {@code <path>.template.spec}, and a
   *       {@code restartPolicy} of {@code Always}.
   * </ol>
   */
  static List<FieldError> selectorAndTemplate(
      Optional<LabelSelector> selector, PodTemplateSpec template, String path) {
    String selectorPath = path + ".selector";
    List<FieldError> errors = new ArrayList<>();
    boolean convertible = true;
    if (selector.isEmpty()) {
      errors.add(FieldError.required(selectorPath, "", "workload.selector.required"));
    } else {
      List<FieldError> selectorErrors = SelectorRules.validate(selector.get(), selectorPath);
      errors.addAll(selectorErrors);
      if (selector.get().isEmpty()) {
        errors.add(FieldError.invalid(selectorPath, GoValues.selector(selector.get()),
            "empty selector is invalid for deployment", "workload.selector.empty"));
      }
      if (!selectorErrors.isEmpty()) {
        convertible = false;
        errors.add(FieldError.invalid(selectorPath, GoValues.selector(selector.get()),
            "invalid label selector", "workload.selector.invalid"));
      }
    }
    if (convertible) {
      errors.addAll(template(selector, template, path + ".template"));
    }
    return ImmutableList.copyOf(errors);
  }

  /**
   * {@return an error when the selector changed} The apps/v1 Deployment and ReplicaSet
   * strategies forbid it ({@code ValidateImmutableField}: Invalid with the new value).
   */
  static List<FieldError> immutableSelector(LabelSelector old, LabelSelector updated) {
    if (old.equals(updated)) {
      return ImmutableList.of();
    }
    return ImmutableList.of(FieldError.invalid("spec.selector", GoValues.selector(updated),
        MetadataRules.FIELD_IMMUTABLE, "workload.selector.immutable"));
  }

  private static List<FieldError> template(
      Optional<LabelSelector> selector, PodTemplateSpec template, String path) {
    List<FieldError> errors = new ArrayList<>();
    boolean matches = selector.map(s -> s.isEmpty() || s.matches(template.labels()))
        .orElse(false);
    if (!matches) {
      errors.add(FieldError.invalid(path + ".metadata.labels",
          GoValues.labels(template.labels().asMap()),
          "`selector` does not match template `labels`", "workload.template.labels-mismatch"));
    }
    errors.addAll(MetadataRules.labels(template.labels().asMap(), path + ".labels"));
    errors.addAll(MetadataRules.annotations(template.metadata().annotations(),
        path + ".annotations"));
    errors.addAll(PodSpecRules.validate(template.spec(), path + ".spec"));
    if (!template.spec().restartPolicy().equals("Always")) {
      errors.add(FieldError.notSupported(path + ".spec.restartPolicy",
          template.spec().restartPolicy(), ImmutableList.of("Always"),
          "workload.template.restart-policy"));
    }
    return errors;
  }
}
