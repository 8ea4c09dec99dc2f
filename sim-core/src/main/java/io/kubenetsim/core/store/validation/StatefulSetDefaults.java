package io.kubenetsim.core.store.validation;

import io.kubenetsim.model.PersistentVolumeClaimRetentionPolicy;
import io.kubenetsim.model.PodManagementPolicy;
import io.kubenetsim.model.StatefulSet;
import io.kubenetsim.model.StatefulSetSpec;
import io.kubenetsim.model.StatefulSetUpdateStrategy;

/**
 * What kube-apiserver fills in a StatefulSet before validating it, on create and on update
 * alike: upstream's {@code SetDefaults_StatefulSet} ({@code pkg/apis/apps/v1/defaults.go}) sets
 * an empty {@code podManagementPolicy} to {@code OrderedReady}, an empty {@code updateStrategy}
 * to {@code RollingUpdate} with {@code partition: 0}, and empty {@code
 * persistentVolumeClaimRetentionPolicy} fields to {@code Retain}. {@code replicas: 1} and
 * {@code revisionHistoryLimit: 10} are already filled when the object is decoded or built,
 * since the model holds numbers.
 *
 * <p>Pure and idempotent. A {@code RollingUpdate} written without {@code rollingUpdate} stays
 * without it, as upstream leaves it (the partition then counts as 0).
 *
 * <pre>{@code
 * StatefulSetDefaults.apply(set).spec().podManagementPolicy();  // "OrderedReady"
 * }</pre>
 */
public final class StatefulSetDefaults {

  private StatefulSetDefaults() {}

  /** {@return the set as the API server stores it} */
  public static StatefulSet apply(StatefulSet set) {
    StatefulSetSpec spec = set.spec();
    if (spec.podManagementPolicy().isEmpty()) {
      spec = spec.withPodManagementPolicy(PodManagementPolicy.ORDERED_READY);
    }
    if (spec.updateStrategy().type().isEmpty()) {
      spec = spec.withUpdateStrategy(StatefulSetUpdateStrategy.rollingUpdate(
          spec.updateStrategy().partitionOrZero()));
    }
    PersistentVolumeClaimRetentionPolicy retention = spec.persistentVolumeClaimRetentionPolicy();
    spec = spec.withPersistentVolumeClaimRetentionPolicy(new PersistentVolumeClaimRetentionPolicy(
        orRetain(retention.whenDeleted()), orRetain(retention.whenScaled())));
    return spec.equals(set.spec()) ? set : set.withSpec(spec);
  }

  private static String orRetain(String value) {
    return value.isEmpty() ? PersistentVolumeClaimRetentionPolicy.RETAIN : value;
  }
}
