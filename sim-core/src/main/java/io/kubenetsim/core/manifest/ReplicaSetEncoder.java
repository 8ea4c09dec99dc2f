package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.model.ReplicaSet;
import io.kubenetsim.model.ReplicaSetSpec;
import io.kubenetsim.model.WorkloadStatus;

/**
 * Writes a ReplicaSet's {@code spec} and {@code status}. Upstream's {@code status.replicas} has
 * no {@code omitempty}, so it is always written; the other counts are omitted when zero.
 */
final class ReplicaSetEncoder implements KindEncoder<ReplicaSet> {

  @Override
  public Class<ReplicaSet> type() {
    return ReplicaSet.class;
  }

  @Override
  public boolean namespaced() {
    return true;
  }

  @Override
  public void encode(ReplicaSet replicaSet, ObjectNode out) {
    ReplicaSetSpec spec = replicaSet.spec();
    ObjectNode specNode = out.putObject("spec");
    specNode.put("replicas", spec.replicas());
    specNode.set("selector", TreeOut.selector(spec.selector()));
    specNode.set("template", PodSpecEncoder.template(spec.template()));
    TreeOut.putNumber(specNode, "minReadySeconds", spec.minReadySeconds());
    WorkloadStatus status = replicaSet.status();
    ObjectNode statusNode = out.putObject("status");
    statusNode.put("replicas", status.replicas());
    TreeOut.putNumber(statusNode, "readyReplicas", status.readyReplicas());
    TreeOut.putNumber(statusNode, "availableReplicas", status.availableReplicas());
    TreeOut.putNumber(statusNode, "observedGeneration", status.observedGeneration());
  }
}
