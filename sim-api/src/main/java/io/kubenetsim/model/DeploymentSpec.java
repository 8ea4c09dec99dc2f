package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

/** {@code Deployment.spec}. */
public record DeploymentSpec(
    int replicas,
    LabelSelector selector,
    PodTemplateSpec template,
    DeploymentStrategy strategy,
    int minReadySeconds,
    int revisionHistoryLimit) {

  public DeploymentSpec {
    checkArgument(selector != null && template != null && strategy != null,
        "deployment spec parts must not be null");
  }

  public DeploymentSpec withReplicas(int newReplicas) {
    return new DeploymentSpec(newReplicas, selector, template, strategy, minReadySeconds,
        revisionHistoryLimit);
  }

  public DeploymentSpec withTemplate(PodTemplateSpec newTemplate) {
    return new DeploymentSpec(replicas, selector, newTemplate, strategy, minReadySeconds,
        revisionHistoryLimit);
  }
}
