package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.DeploymentSpec;
import io.kubenetsim.model.DeploymentStrategy;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validates Deployments as kube-apiserver's apps/v1 deployment strategy does ({@code
 * ValidateDeployment}, {@code ValidateDeploymentSpec}, {@code ValidateDeploymentStrategy},
 * {@code ValidateRollingUpdateDeployment}, {@code ValidateDeploymentUpdate} in {@code
 * pkg/apis/apps/validation}).
 *
 * <p>Create, in upstream's order: metadata (namespaced, name a DNS-1123 subdomain); {@code
 * spec.replicas} not negative; selector and template (see {@code WorkloadRules}); the strategy
 * ({@code RollingUpdate} or {@code Recreate}; for rolling updates {@code maxUnavailable} and
 * {@code maxSurge} each a non-negative number or a percentage, not both 0, {@code
 * maxUnavailable} at most 100%); {@code minReadySeconds} and {@code revisionHistoryLimit} not
 * negative. Update: metadata immutability, the create checks, and an immutable {@code
 * spec.selector}.
 *
 * <p>Simplification: the model cannot say whether {@code rollingUpdate} was written, so a
 * {@code Recreate} strategy is never rejected for carrying one; and its selector is never
 * absent, so {@code spec.selector: Required value} only arises through {@link
 * #validateSpec(DeploymentSpec, Optional)}.
 *
 * <pre>{@code
 * DeploymentValidation.validateCreate(Deployment.of("shop", "web", 3, Labels.of("app", "web"),
 *     Container.of("web", "nginx", List.of())));  // []
 * }</pre>
 */
public final class DeploymentValidation {

  private static final Pattern PERCENT = Pattern.compile("[0-9]+%");
  private static final String PERCENT_MESSAGE = NameRules.regexError(
      "a valid percent string must be a numeric string followed by an ending '%'", "[0-9]+%",
      "1%", "93%");

  private DeploymentValidation() {}

  /** {@return every problem with a deployment being created} */
  public static List<FieldError> validateCreate(Deployment deployment) {
    List<FieldError> errors = new ArrayList<>(MetadataRules.validate(
        deployment.metadata(), true, NameFormat.DNS1123_SUBDOMAIN, "metadata"));
    errors.addAll(validateSpec(deployment.spec(), Optional.of(deployment.spec().selector())));
    return ImmutableList.copyOf(errors);
  }

  /** {@return every problem with replacing {@code old} by {@code updated}} */
  public static List<FieldError> validateUpdate(Deployment old, Deployment updated) {
    List<FieldError> errors = new ArrayList<>(
        MetadataRules.validateUpdate(updated.metadata(), old.metadata(), "metadata"));
    errors.addAll(validateCreate(updated));
    errors.addAll(
        WorkloadRules.immutableSelector(old.spec().selector(), updated.spec().selector()));
    return ImmutableList.copyOf(errors);
  }

  /**
   * {@return every problem with a deployment spec whose selector may be absent} Exposed for a
   * model that can tell an absent selector from {@code {}}; {@link #validateCreate} always
   * passes the spec's own selector.
   */
  public static List<FieldError> validateSpec(
      DeploymentSpec spec, Optional<LabelSelector> selector) {
    List<FieldError> errors = new ArrayList<>(
        MetadataRules.nonNegative(spec.replicas(), "spec.replicas", "workload.replicas.negative"));
    errors.addAll(WorkloadRules.selectorAndTemplate(selector, spec.template(), "spec"));
    errors.addAll(strategy(spec.strategy(), "spec.strategy"));
    errors.addAll(MetadataRules.nonNegative(spec.minReadySeconds(), "spec.minReadySeconds",
        "workload.min-ready-seconds.negative"));
    errors.addAll(MetadataRules.nonNegative(spec.revisionHistoryLimit(),
        "spec.revisionHistoryLimit", "deployment.revision-history-limit.negative"));
    return ImmutableList.copyOf(errors);
  }

  private static List<FieldError> strategy(DeploymentStrategy strategy, String path) {
    switch (strategy.type()) {
      case DeploymentStrategy.RECREATE:
        return ImmutableList.of();
      case DeploymentStrategy.ROLLING_UPDATE:
        return rollingUpdate(strategy, path + ".rollingUpdate");
      default:
        // Upstream reports the whole strategy at spec.strategy, not at spec.strategy.type.
        return ImmutableList.of(FieldError.notSupported(path,
            GoValues.raw("{\"type\":" + GoValues.quote(strategy.type()) + "}"),
            ImmutableList.of(DeploymentStrategy.RECREATE, DeploymentStrategy.ROLLING_UPDATE),
            "deployment.strategy.type"));
    }
  }

  private static List<FieldError> rollingUpdate(DeploymentStrategy strategy, String path) {
    List<FieldError> errors = new ArrayList<>();
    errors.addAll(intOrPercent(strategy.maxUnavailable(), path + ".maxUnavailable"));
    errors.addAll(intOrPercent(strategy.maxSurge(), path + ".maxSurge"));
    if (value(strategy.maxUnavailable()) == 0 && value(strategy.maxSurge()) == 0) {
      errors.add(FieldError.invalid(path + ".maxUnavailable",
          GoValues.intOrString(strategy.maxUnavailable()), "may not be 0 when `maxSurge` is 0",
          "deployment.strategy.both-zero"));
    }
    percent(strategy.maxUnavailable()).filter(p -> p > 100).ifPresent(p -> errors.add(
        FieldError.invalid(path + ".maxUnavailable",
            GoValues.intOrString(strategy.maxUnavailable()), "must not be greater than 100%",
            "deployment.strategy.over-100-percent")));
    return errors;
  }

  /** Upstream's {@code ValidatePositiveIntOrPercent} (which, despite its name, allows 0). */
  private static List<FieldError> intOrPercent(IntOrString value, String path) {
    if (value.isInt()) {
      return MetadataRules.nonNegative(value.intValue().get(), path,
          "deployment.strategy.negative");
    }
    if (PERCENT.matcher(value.stringValue().get()).matches()) {
      return ImmutableList.of();
    }
    return ImmutableList.of(FieldError.invalid(path, GoValues.intOrString(value),
        PERCENT_MESSAGE, "deployment.strategy.percent-format"));
  }

  /** {@return the percentage of a well-formed percent string} */
  private static Optional<Long> percent(IntOrString value) {
    return value.stringValue().filter(s -> PERCENT.matcher(s).matches())
        .map(s -> parseOrZero(s.substring(0, s.length() - 1)));
  }

  /**
   * Upstream's {@code getIntOrPercentValue}: the percentage, or the number, or for any other
   * string what Go's {@code strconv.Atoi} makes of it (0 when it is not a number).
   */
  private static long value(IntOrString value) {
    if (value.isInt()) {
      return value.intValue().get();
    }
    return percent(value).orElseGet(() -> parseOrZero(value.stringValue().get()));
  }

  private static long parseOrZero(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return 0; // As Go's Atoi result when upstream ignores its error.
    }
  }
}
