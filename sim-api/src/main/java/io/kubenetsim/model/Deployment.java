package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * A Deployment ({@code apps/v1}): a desired number of pods from a template, rolled out through
 * ReplicaSets.
 */
public record Deployment(ObjectMeta metadata, DeploymentSpec spec, WorkloadStatus status)
    implements KubernetesObject {

  public static final String KIND = "Deployment";

  public Deployment {
    checkArgument(metadata != null && spec != null && status != null,
        "deployment parts must not be null");
  }

  /** {@return a Deployment of {@code replicas} pods labelled and selected by {@code labels}} */
  public static Deployment of(
      String namespace, String name, int replicas, Labels labels, Container... containers) {
    PodTemplateSpec template =
        new PodTemplateSpec(ObjectMeta.named("").withLabels(labels), PodSpec.of(List.of(containers)));
    return new Deployment(
        ObjectMeta.named(namespace, name).withLabels(labels),
        new DeploymentSpec(replicas, LabelSelector.matchLabels(labels), template,
            DeploymentStrategy.defaults(), 0, 10),
        WorkloadStatus.empty());
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String apiVersion() {
    return "apps/v1";
  }

  @Override
  public Deployment withMetadata(ObjectMeta newMetadata) {
    return new Deployment(newMetadata, spec, status);
  }

  public Deployment withSpec(DeploymentSpec newSpec) {
    return new Deployment(metadata, newSpec, status);
  }

  public Deployment withStatus(WorkloadStatus newStatus) {
    return new Deployment(metadata, spec, newStatus);
  }

  @Override
  public String toString() {
    return "Deployment " + metadata.key() + " " + status.readyReplicas() + "/" + spec.replicas()
        + " ready";
  }
}
