package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.DeploymentSpec;
import io.kubenetsim.model.DeploymentStrategy;
import io.kubenetsim.model.WorkloadStatus;

/**
 * Writes a Deployment's {@code spec} (with {@code strategy.rollingUpdate} only for the
 * RollingUpdate type) and {@code status}, whose counts are all {@code omitempty} upstream, so a
 * fresh Deployment prints {@code status: {}}.
 */
final class DeploymentEncoder implements KindEncoder<Deployment> {

  @Override
  public Class<Deployment> type() {
    return Deployment.class;
  }

  @Override
  public boolean namespaced() {
    return true;
  }

  @Override
  public void encode(Deployment deployment, ObjectNode out) {
    DeploymentSpec spec = deployment.spec();
    ObjectNode specNode = out.putObject("spec");
    specNode.put("replicas", spec.replicas());
    specNode.set("selector", TreeOut.selector(spec.selector()));
    specNode.set("template", PodSpecEncoder.template(spec.template()));
    specNode.set("strategy", strategy(spec.strategy()));
    TreeOut.putNumber(specNode, "minReadySeconds", spec.minReadySeconds());
    specNode.put("revisionHistoryLimit", spec.revisionHistoryLimit());
    out.set("status", status(deployment.status()));
  }

  private static ObjectNode strategy(DeploymentStrategy strategy) {
    ObjectNode out = TreeOut.object();
    out.put("type", strategy.type());
    if (strategy.type().equals(DeploymentStrategy.ROLLING_UPDATE)) {
      ObjectNode rolling = out.putObject("rollingUpdate");
      rolling.set("maxSurge", TreeOut.intOrString(strategy.maxSurge()));
      rolling.set("maxUnavailable", TreeOut.intOrString(strategy.maxUnavailable()));
    }
    return out;
  }

  private static ObjectNode status(WorkloadStatus status) {
    ObjectNode out = TreeOut.object();
    TreeOut.putNumber(out, "observedGeneration", status.observedGeneration());
    TreeOut.putNumber(out, "replicas", status.replicas());
    TreeOut.putNumber(out, "updatedReplicas", status.updatedReplicas());
    TreeOut.putNumber(out, "readyReplicas", status.readyReplicas());
    TreeOut.putNumber(out, "availableReplicas", status.availableReplicas());
    return out;
  }
}
