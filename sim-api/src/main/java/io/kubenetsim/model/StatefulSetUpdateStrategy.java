package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;

/**
 * {@code StatefulSet.spec.updateStrategy}: {@code RollingUpdate} (the default; pods whose
 * ordinal is at least {@code rollingUpdate.partition} are replaced from the highest ordinal
 * down, one at a time) or {@code OnDelete} (a pod gets the new template only when it is deleted).
 *
 * <p>Holds what the API can hold, valid or not: the type as written ({@code ""} until the API
 * server defaults it) and the {@code rollingUpdate} block, present only when written — its
 * partition, {@code 0} when the block has none.
 *
 * <pre>{@code
 * StatefulSetUpdateStrategy.rollingUpdate(2);  // pods with ordinal >= 2 get the new template
 * StatefulSetUpdateStrategy.onDelete();
 * }</pre>
 *
 * <p>Simplification: {@code rollingUpdate.maxUnavailable} (alpha, off by default upstream, so
 * the API server drops it) is not modelled.
 *
 * @param type {@code RollingUpdate}, {@code OnDelete}, or anything a manifest says
 * @param partition {@code rollingUpdate.partition}, empty when there is no {@code rollingUpdate}
 */
public record StatefulSetUpdateStrategy(String type, Optional<Integer> partition) {

  public static final String ROLLING_UPDATE = "RollingUpdate";
  public static final String ON_DELETE = "OnDelete";

  public StatefulSetUpdateStrategy {
    checkArgument(type != null && partition != null, "update strategy parts must not be null");
  }

  /** {@return upstream's default: RollingUpdate with partition 0} */
  public static StatefulSetUpdateStrategy defaults() {
    return rollingUpdate(0);
  }

  /** {@return RollingUpdate that leaves ordinals below {@code partition} at the old template} */
  public static StatefulSetUpdateStrategy rollingUpdate(int partition) {
    return new StatefulSetUpdateStrategy(ROLLING_UPDATE, Optional.of(partition));
  }

  /** {@return OnDelete} */
  public static StatefulSetUpdateStrategy onDelete() {
    return new StatefulSetUpdateStrategy(ON_DELETE, Optional.empty());
  }

  /** {@return whether the type is {@code OnDelete}} */
  public boolean isOnDelete() {
    return ON_DELETE.equals(type);
  }

  /** {@return the partition, 0 without a {@code rollingUpdate} block} */
  public int partitionOrZero() {
    return partition.orElse(0);
  }
}
