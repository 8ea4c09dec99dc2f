package io.kubenetsim.core.store.validation;

import static io.kubenetsim.core.store.validation.Errors.assertLines;
import static io.kubenetsim.core.store.validation.Errors.assertRules;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.DeploymentSpec;
import io.kubenetsim.model.DeploymentStrategy;
import io.kubenetsim.model.DnsPolicy;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.LabelSelectorRequirement;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.PodSpec;
import io.kubenetsim.model.PodTemplateSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Deployment rules. Each test changes one part of a valid Deployment and pins the full error
 * list, which also proves the template's pod spec is checked with paths under {@code
 * spec.template.spec}.
 */
class DeploymentValidationTest {

  private static final String MISMATCH = "`selector` does not match template `labels`";

  @Test
  void aWellFormedDeploymentHasNoErrors() {
    assertLines(DeploymentValidation.validateCreate(deployment()));
  }

  @Test
  void negativeCountsAreRejected() {
    DeploymentSpec spec = deployment().spec();
    var errors = DeploymentValidation.validateCreate(deployment().withSpec(new DeploymentSpec(
        -1, spec.selector(), spec.template(), spec.strategy(), -2, -3)));
    assertLines(errors,
        "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
        "spec.minReadySeconds: Invalid value: -2: must be greater than or equal to 0",
        "spec.revisionHistoryLimit: Invalid value: -3: must be greater than or equal to 0");
    assertRules(errors, "workload.replicas.negative", "workload.min-ready-seconds.negative",
        "deployment.revision-history-limit.negative");
  }

  @Test
  void anAbsentSelectorIsRequiredAndMatchesNoTemplate() {
    var errors = DeploymentValidation.validateSpec(deployment().spec(), Optional.empty());
    assertLines(errors,
        "spec.selector: Required value",
        "spec.template.metadata.labels: Invalid value: {\"app\":\"web\"}: " + MISMATCH);
    assertRules(errors, "workload.selector.required", "workload.template.labels-mismatch");
  }

  @Test
  void anEmptySelectorIsInvalidForADeployment() {
    var errors = DeploymentValidation.validateCreate(withSelector(LabelSelector.everything()));
    assertLines(errors,
        "spec.selector: Invalid value: {}: empty selector is invalid for deployment");
    assertRules(errors, "workload.selector.empty");
  }

  @Test
  void theSelectorMustMatchTheTemplateLabels() {
    var errors = DeploymentValidation.validateCreate(
        withSelector(LabelSelector.matchLabels(Labels.of("app", "api"))));
    assertLines(errors,
        "spec.template.metadata.labels: Invalid value: {\"app\":\"web\"}: " + MISMATCH);
  }

  @Test
  void aMalformedSelectorIsReportedAndTheTemplateIsNotChecked() {
    LabelSelector selector = new LabelSelector(ImmutableSortedMap.of("app", "web"),
        ImmutableList.of(LabelSelectorRequirement.of("tier", "Equals", List.of("fe"))));
    Deployment broken = withSelector(selector);
    // A template with no image would be an error, but upstream never gets that far.
    broken = broken.withSpec(broken.spec().withTemplate(template(Labels.of("app", "web"),
        PodSpec.of(List.of(Container.of("web", "", List.of()))))));
    var errors = DeploymentValidation.validateCreate(broken);
    assertLines(errors,
        "spec.selector.matchExpressions[0].operator: Invalid value: \"Equals\": not a valid"
            + " selector operator",
        "spec.selector: Invalid value: {\"matchLabels\":{\"app\":\"web\"},\"matchExpressions\":"
            + "[{\"key\":\"tier\",\"operator\":\"Equals\",\"values\":[\"fe\"]}]}: invalid label"
            + " selector");
    assertRules(errors, "selector.operator", "workload.selector.invalid");
  }

  @Test
  void theTemplatePodSpecIsValidatedUnderSpecTemplateSpec() {
    PodSpec spec = PodSpec.of(List.of(Container.of("web", "", List.of())));
    spec = new PodSpec("", false, spec.containers(), 30, "", "", "Never", DnsPolicy.CLUSTER_FIRST,
        Optional.empty(), ImmutableList.of());
    var errors = DeploymentValidation.validateCreate(deployment().withSpec(
        deployment().spec().withTemplate(template(Labels.of("app", "web"), spec))));
    assertLines(errors,
        "spec.template.spec.containers[0].image: Required value",
        "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values:"
            + " \"Always\"");
    assertRules(errors, "pod.container.image.required", "workload.template.restart-policy");
  }

  @Test
  void templateLabelsAreCheckedAtUpstreamsTemplateLabelsPath() {
    LabelSelector selector = LabelSelector.matchLabels(Labels.of("app", "web"));
    Deployment deployment = withSelector(selector);
    deployment = deployment.withSpec(deployment.spec().withTemplate(template(
        Labels.of(java.util.Map.of("app", "web", "bad key", "x")), deployment.spec().template()
            .spec())));
    var errors = DeploymentValidation.validateCreate(deployment);
    assertRules(errors, "label.key");
    org.junit.jupiter.api.Assertions.assertEquals("spec.template.labels", errors.get(0).path());
  }

  @Test
  void anUnknownStrategyTypeIsUnsupportedAtSpecStrategy() {
    var errors = DeploymentValidation.validateCreate(withStrategy(
        new DeploymentStrategy("BlueGreen", IntOrString.of(1), IntOrString.of(0))));
    assertLines(errors, "spec.strategy: Unsupported value: {\"type\":\"BlueGreen\"}: supported"
        + " values: \"Recreate\", \"RollingUpdate\"");
    assertRules(errors, "deployment.strategy.type");
  }

  @Test
  void maxSurgeAndMaxUnavailableMayNotBothBeZero() {
    var errors = DeploymentValidation.validateCreate(withStrategy(
        new DeploymentStrategy("RollingUpdate", IntOrString.of("0%"), IntOrString.of(0))));
    assertLines(errors, "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not"
        + " be 0 when `maxSurge` is 0");
    assertRules(errors, "deployment.strategy.both-zero");
  }

  @Test
  void rollingUpdateValuesAreNonNegativeNumbersOrPercentagesUpTo100() {
    var errors = DeploymentValidation.validateCreate(withStrategy(
        new DeploymentStrategy("RollingUpdate", IntOrString.of("25"), IntOrString.of("150%"))));
    assertLines(errors,
        "spec.strategy.rollingUpdate.maxSurge: Invalid value: \"25\": a valid percent string"
            + " must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex"
            + " used for validation is '[0-9]+%')",
        "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"150%\": must not be"
            + " greater than 100%");
    assertRules(DeploymentValidation.validateCreate(withStrategy(
        new DeploymentStrategy("RollingUpdate", IntOrString.of(-1), IntOrString.of(1)))),
        "deployment.strategy.negative");
  }

  @Test
  void aRecreateStrategyIgnoresRollingUpdateValues() {
    assertLines(DeploymentValidation.validateCreate(withStrategy(
        new DeploymentStrategy("Recreate", IntOrString.of(0), IntOrString.of(0)))));
  }

  @Test
  void anUpdateMayScaleButNotChangeTheSelector() {
    Deployment old = deployment();
    assertLines(DeploymentValidation.validateUpdate(old, old.withSpec(old.spec().withReplicas(5))));
    LabelSelector api = LabelSelector.matchLabels(Labels.of("app", "api"));
    Deployment moved = withSelector(api);
    moved = moved.withSpec(moved.spec().withTemplate(
        template(Labels.of("app", "api"), old.spec().template().spec())));
    var errors = DeploymentValidation.validateUpdate(old, moved);
    assertLines(errors,
        "spec.selector: Invalid value: {\"matchLabels\":{\"app\":\"api\"}}: field is immutable");
    assertRules(errors, "workload.selector.immutable");
  }

  static Deployment deployment() {
    return Deployment.of("shop", "web", 3, Labels.of("app", "web"),
        Container.of("web", "nginx", List.of()));
  }

  static PodTemplateSpec template(Labels labels, PodSpec spec) {
    return new PodTemplateSpec(deployment().spec().template().metadata().withLabels(labels), spec);
  }

  private static Deployment withSelector(LabelSelector selector) {
    DeploymentSpec spec = deployment().spec();
    return deployment().withSpec(new DeploymentSpec(spec.replicas(), selector, spec.template(),
        spec.strategy(), spec.minReadySeconds(), spec.revisionHistoryLimit()));
  }

  private static Deployment withStrategy(DeploymentStrategy strategy) {
    DeploymentSpec spec = deployment().spec();
    return deployment().withSpec(new DeploymentSpec(spec.replicas(), spec.selector(),
        spec.template(), strategy, spec.minReadySeconds(), spec.revisionHistoryLimit()));
  }
}
