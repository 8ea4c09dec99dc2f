package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a {@code metav1.LabelSelector}, after apimachinery's {@code ValidateLabelSelector}
 * and {@code ValidateLabelSelectorRequirement} (with invalid label values not allowed, as for
 * Deployments, ReplicaSets and NetworkPolicies).
 *
 * <ul>
 *   <li>{@code matchLabels}: keys and values as labels, reported at {@code <path>.matchLabels};
 *   <li>{@code matchExpressions[i].operator}: one of {@code In}, {@code NotIn}, {@code Exists},
 *       {@code DoesNotExist}, case-sensitive;
 *   <li>{@code In}/{@code NotIn} need values, {@code Exists}/{@code DoesNotExist} take none;
 *   <li>{@code key} a qualified name, each of {@code values[j]} a label value (unless the
 *       caller allows invalid values, as a NetworkPolicy update does when the stored policy's
 *       own selector was already invalid: upstream's {@code AllowInvalidLabelValueInSelector}).
 * </ul>
 *
 * <pre>{@code
 * SelectorRules.validate(LabelSelector.matchLabels(Labels.of("app", "web")), "spec.selector");
 * }</pre>
 */
public final class SelectorRules {

  private SelectorRules() {}

  /** {@return every problem with the selector, paths under {@code path}} */
  public static List<FieldError> validate(LabelSelector selector, String path) {
    return validate(selector, path, false);
  }

  /**
   * {@return every problem with the selector, paths under {@code path}}
   *
   * @param allowInvalidValues whether {@code matchExpressions[i].values[j]} may be any string
   *     (upstream's {@code LabelSelectorValidationOptions.AllowInvalidLabelValueInSelector});
   *     {@code matchLabels} values are checked either way, as upstream checks them
   */
  public static List<FieldError> validate(LabelSelector selector, String path,
      boolean allowInvalidValues) {
    List<FieldError> errors = new ArrayList<>(
        MetadataRules.labels(selector.matchLabels(), path + ".matchLabels"));
    for (int i = 0; i < selector.matchExpressions().size(); i++) {
      errors.addAll(requirement(selector.matchExpressions().get(i),
          path + ".matchExpressions[" + i + "]", allowInvalidValues));
    }
    return ImmutableList.copyOf(errors);
  }

  private static List<FieldError> requirement(LabelSelectorRequirement requirement, String path,
      boolean allowInvalidValues) {
    List<FieldError> errors = new ArrayList<>();
    switch (requirement.operator()) {
      case LabelSelectorRequirement.IN, LabelSelectorRequirement.NOT_IN -> {
        if (requirement.values().isEmpty()) {
          errors.add(FieldError.required(path + ".values",
              "must be specified when `operator` is 'In' or 'NotIn'", "selector.values.required"));
        }
      }
      case LabelSelectorRequirement.EXISTS, LabelSelectorRequirement.DOES_NOT_EXIST -> {
        if (!requirement.values().isEmpty()) {
          errors.add(FieldError.forbidden(path + ".values",
              "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
              "selector.values.forbidden"));
        }
      }
      default -> errors.add(FieldError.invalid(path + ".operator", requirement.operator(),
          "not a valid selector operator", "selector.operator"));
    }
    for (String message : NameRules.qualifiedName(requirement.key())) {
      errors.add(FieldError.invalid(path + ".key", requirement.key(), message, "label.key"));
    }
    for (int j = 0; !allowInvalidValues && j < requirement.values().size(); j++) {
      String value = requirement.values().get(j);
      for (String message : NameRules.labelValue(value)) {
        errors.add(FieldError.invalid(path + ".values[" + j + "]", value, message, "label.value"));
      }
    }
    return errors;
  }
}
