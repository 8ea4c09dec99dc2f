package io.kubenetsim.core.manifest;

import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.DeploymentSpec;
import io.kubenetsim.model.DeploymentStrategy;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.WorkloadStatus;

/**
 * Decodes an {@code apps/v1} Deployment with upstream's defaults: {@code replicas: 1}, strategy
 * {@code RollingUpdate} with {@code maxSurge} and {@code maxUnavailable} 25%, {@code
 * revisionHistoryLimit: 10}, {@code minReadySeconds: 0}. {@code status} is dropped.
 *
 * <p>Simplifications: a missing {@code selector} decodes as the empty selector (validation
 * rejects both); a {@code Recreate} strategy keeps 25%/25% in the record's rolling-update
 * fields, which mean nothing for it; {@code progressDeadlineSeconds} and {@code paused} are
 * accepted and dropped.
 */
final class DeploymentDecoder implements KindDecoder<Deployment> {
  private static final IntOrString QUARTER = IntOrString.of("25%");

  @Override
  public String apiVersion() {
    return "apps/v1";
  }

  @Override
  public String kind() {
    return Deployment.KIND;
  }

  @Override
  public boolean namespaced() {
    return true;
  }

  @Override
  public Deployment decode(ObjectCursor root) {
    root.ignore("status");
    ObjectCursor spec = root.object("spec", "v1.DeploymentSpec");
    spec.ignore("progressDeadlineSeconds", "paused");
    return new Deployment(
        ObjectMetaDecoder.decode(root.object("metadata", "v1.ObjectMeta"), true),
        new DeploymentSpec(
            spec.int32("replicas", 1),
            LabelSelectorDecoder.decode(spec.object("selector", "v1.LabelSelector")),
            PodTemplateSpecDecoder.decode(spec.object("template", "v1.PodTemplateSpec")),
            strategy(spec.object("strategy", "v1.DeploymentStrategy")),
            spec.int32("minReadySeconds", 0),
            spec.int32("revisionHistoryLimit", 10)),
        WorkloadStatus.empty());
  }

  private static DeploymentStrategy strategy(ObjectCursor strategy) {
    String type = strategy.string("type");
    ObjectCursor rolling = strategy.object("rollingUpdate", "v1.RollingUpdateDeployment");
    return new DeploymentStrategy(
        type.isEmpty() ? DeploymentStrategy.ROLLING_UPDATE : type,
        rolling.intOrString("maxSurge").orElse(QUARTER),
        rolling.intOrString("maxUnavailable").orElse(QUARTER));
  }
}
