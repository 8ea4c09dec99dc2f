package io.kubenetsim.core.manifest;

import io.kubenetsim.model.PersistentVolumeClaimRetentionPolicy;
import io.kubenetsim.model.StatefulSet;
import io.kubenetsim.model.StatefulSetSpec;
import io.kubenetsim.model.StatefulSetStatus;
import io.kubenetsim.model.StatefulSetUpdateStrategy;
import java.util.Optional;

/**
 * Decodes an {@code apps/v1} StatefulSet with the defaults the model's numbers need ({@code
 * replicas: 1}, {@code revisionHistoryLimit: 10}, {@code minReadySeconds: 0}, {@code
 * ordinals.start: 0}); the enumerated fields stay as written, {@code ""} when absent, for the API
 * server's defaulting ({@code StatefulSetDefaults}) to fill. A {@code rollingUpdate} block
 * decodes as its partition, 0 when it has none. {@code status} is dropped.
 *
 * <p>Simplifications: a missing {@code selector} decodes as the empty selector (validation
 * rejects both); {@code volumeClaimTemplates} and {@code rollingUpdate.maxUnavailable} are
 * accepted and dropped, since no volumes are modelled and upstream drops the alpha field.
 */
final class StatefulSetDecoder implements KindDecoder<StatefulSet> {

  @Override
  public String apiVersion() {
    return "apps/v1";
  }

  @Override
  public String kind() {
    return StatefulSet.KIND;
  }

  @Override
  public boolean namespaced() {
    return true;
  }

  @Override
  public StatefulSet decode(ObjectCursor root) {
    root.ignore("status");
    ObjectCursor spec = root.object("spec", "v1.StatefulSetSpec");
    spec.ignore("volumeClaimTemplates");
    ObjectCursor retention = spec.object("persistentVolumeClaimRetentionPolicy",
        "v1.StatefulSetPersistentVolumeClaimRetentionPolicy");
    return new StatefulSet(
        ObjectMetaDecoder.decode(root.object("metadata", "v1.ObjectMeta"), true),
        new StatefulSetSpec(
            spec.int32("replicas", 1),
            LabelSelectorDecoder.decode(spec.object("selector", "v1.LabelSelector")),
            spec.string("serviceName"),
            PodTemplateSpecDecoder.decode(spec.object("template", "v1.PodTemplateSpec")),
            spec.typedString("podManagementPolicy", "v1.PodManagementPolicyType"),
            strategy(spec.object("updateStrategy", "v1.StatefulSetUpdateStrategy")),
            spec.int32("minReadySeconds", 0),
            spec.int32("revisionHistoryLimit", StatefulSetSpec.DEFAULT_REVISION_HISTORY_LIMIT),
            new PersistentVolumeClaimRetentionPolicy(
                retention.typedString("whenDeleted",
                    "v1.PersistentVolumeClaimRetentionPolicyType"),
                retention.typedString("whenScaled",
                    "v1.PersistentVolumeClaimRetentionPolicyType")),
            spec.object("ordinals", "v1.StatefulSetOrdinals").int32("start", 0)),
        StatefulSetStatus.empty());
  }

  private static StatefulSetUpdateStrategy strategy(ObjectCursor strategy) {
    String type = strategy.typedString("type", "v1.StatefulSetUpdateStrategyType");
    Optional<Integer> partition = strategy
        .optionalObject("rollingUpdate", "v1.RollingUpdateStatefulSetStrategy")
        .map(rolling -> {
          rolling.ignore("maxUnavailable");
          return rolling.optionalInt32("partition").orElse(0);
        });
    return new StatefulSetUpdateStrategy(type, partition);
  }
}
