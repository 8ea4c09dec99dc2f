package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.model.StatefulSet;
import io.kubenetsim.model.StatefulSetSpec;
import io.kubenetsim.model.StatefulSetStatus;
import io.kubenetsim.model.StatefulSetUpdateStrategy;

/**
 * Writes a StatefulSet's {@code spec} and {@code status} as the API returns them: {@code
 * updateStrategy.rollingUpdate} only when the set has one, {@code ordinals} only for a start
 * other than 0, {@code status.replicas} and {@code status.availableReplicas} always (upstream
 * has no {@code omitempty} on them), the other counts and the revisions when set.
 */
final class StatefulSetEncoder implements KindEncoder<StatefulSet> {

  @Override
  public Class<StatefulSet> type() {
    return StatefulSet.class;
  }

  @Override
  public boolean namespaced() {
    return true;
  }

  @Override
  public void encode(StatefulSet set, ObjectNode out) {
    StatefulSetSpec spec = set.spec();
    ObjectNode specNode = out.putObject("spec");
    specNode.put("replicas", spec.replicas());
    specNode.set("selector", TreeOut.selector(spec.selector()));
    TreeOut.putString(specNode, "serviceName", spec.serviceName());
    specNode.set("template", PodSpecEncoder.template(spec.template()));
    TreeOut.putString(specNode, "podManagementPolicy", spec.podManagementPolicy());
    specNode.set("updateStrategy", strategy(spec.updateStrategy()));
    TreeOut.putNumber(specNode, "minReadySeconds", spec.minReadySeconds());
    specNode.put("revisionHistoryLimit", spec.revisionHistoryLimit());
    ObjectNode retention = specNode.putObject("persistentVolumeClaimRetentionPolicy");
    TreeOut.putString(retention, "whenDeleted",
        spec.persistentVolumeClaimRetentionPolicy().whenDeleted());
    TreeOut.putString(retention, "whenScaled",
        spec.persistentVolumeClaimRetentionPolicy().whenScaled());
    if (spec.ordinalsStart() != 0) {
      specNode.putObject("ordinals").put("start", spec.ordinalsStart());
    }
    out.set("status", status(set.status()));
  }

  private static ObjectNode strategy(StatefulSetUpdateStrategy strategy) {
    ObjectNode out = TreeOut.object();
    TreeOut.putString(out, "type", strategy.type());
    strategy.partition().ifPresent(p -> out.putObject("rollingUpdate").put("partition", p));
    return out;
  }

  private static ObjectNode status(StatefulSetStatus status) {
    ObjectNode out = TreeOut.object();
    TreeOut.putNumber(out, "observedGeneration", status.observedGeneration());
    out.put("replicas", status.replicas());
    TreeOut.putNumber(out, "readyReplicas", status.readyReplicas());
    TreeOut.putNumber(out, "currentReplicas", status.currentReplicas());
    TreeOut.putNumber(out, "updatedReplicas", status.updatedReplicas());
    out.put("availableReplicas", status.availableReplicas());
    TreeOut.putString(out, "currentRevision", status.currentRevision());
    TreeOut.putString(out, "updateRevision", status.updateRevision());
    return out;
  }
}
