package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * {@code StatefulSet.spec.persistentVolumeClaimRetentionPolicy}: what happens to the claims of
 * {@code volumeClaimTemplates} when the set is deleted ({@code whenDeleted}) or scaled down
 * ({@code whenScaled}), each {@code Retain} (the default) or {@code Delete}.
 *
 * <p>Simplification: no volumes or claims are modelled, so the policy is stored, validated and
 * printed but changes nothing.
 *
 * <pre>{@code
 * PersistentVolumeClaimRetentionPolicy.retain();  // {whenDeleted: Retain, whenScaled: Retain}
 * }</pre>
 */
public record PersistentVolumeClaimRetentionPolicy(String whenDeleted, String whenScaled) {

  public static final String RETAIN = "Retain";
  public static final String DELETE = "Delete";

  private static final PersistentVolumeClaimRetentionPolicy RETAIN_BOTH =
      new PersistentVolumeClaimRetentionPolicy(RETAIN, RETAIN);

  public PersistentVolumeClaimRetentionPolicy {
    checkArgument(whenDeleted != null && whenScaled != null,
        "retention policy parts must not be null (use \"\" for unset)");
  }

  /** {@return upstream's default: Retain on delete and on scale-down} */
  public static PersistentVolumeClaimRetentionPolicy retain() {
    return RETAIN_BOTH;
  }
}
