package io.kubenetsim.core.store.validation;

import static io.kubenetsim.core.store.validation.Errors.assertLines;
import static io.kubenetsim.core.store.validation.Errors.assertRules;

import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.ReplicaSet;
import io.kubenetsim.model.ReplicaSetSpec;
import io.kubenetsim.model.WorkloadStatus;
import org.junit.jupiter.api.Test;

/** ReplicaSet rules: the Deployment's selector and template checks, in ReplicaSet order. */
class ReplicaSetValidationTest {

  @Test
  void aWellFormedReplicaSetHasNoErrors() {
    assertLines(ReplicaSetValidation.validateCreate(replicaSet(1, "web")));
  }

  @Test
  void replicasAndSelectorMismatchAreReportedInUpstreamOrder() {
    var errors = ReplicaSetValidation.validateCreate(replicaSet(-1, "api"));
    assertLines(errors,
        "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
        "spec.template.metadata.labels: Invalid value: {\"app\":\"web\"}: `selector` does not"
            + " match template `labels`");
    assertRules(errors, "workload.replicas.negative", "workload.template.labels-mismatch");
  }

  @Test
  void anEmptySelectorUsesUpstreamsDeploymentWording() {
    ReplicaSet replicaSet = replicaSet(1, "web");
    replicaSet = replicaSet.withSpec(new ReplicaSetSpec(1, LabelSelector.everything(),
        replicaSet.spec().template(), 0));
    assertLines(ReplicaSetValidation.validateCreate(replicaSet),
        "spec.selector: Invalid value: {}: empty selector is invalid for deployment");
  }

  @Test
  void anUpdateMayNotChangeTheSelector() {
    ReplicaSet old = replicaSet(2, "web");
    ReplicaSet updated = old.withSpec(new ReplicaSetSpec(2,
        LabelSelector.matchLabels(Labels.of(java.util.Map.of("app", "web", "v", "2"))),
        DeploymentValidationTest.template(Labels.of(java.util.Map.of("app", "web", "v", "2")),
            old.spec().template().spec()), 0));
    var errors = ReplicaSetValidation.validateUpdate(old, updated);
    assertLines(errors, "spec.selector: Invalid value: {\"matchLabels\":{\"app\":\"web\",\"v\":"
        + "\"2\"}}: field is immutable");
  }

  private static ReplicaSet replicaSet(int replicas, String selectedApp) {
    Deployment deployment = DeploymentValidationTest.deployment();
    return new ReplicaSet(ObjectMeta.named("shop", "web-7d4b9"),
        new ReplicaSetSpec(replicas, LabelSelector.matchLabels(Labels.of("app", selectedApp)),
            deployment.spec().template(), 0),
        WorkloadStatus.empty());
  }
}
