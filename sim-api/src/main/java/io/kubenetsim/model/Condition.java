package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;

/**
 * A status condition of a Pod or Node, such as {@code Ready=True}.
 *
 * @param lastTransitionTime virtual time of the last change of {@code status}
 */
public record Condition(
    String type, ConditionStatus status, Instant lastTransitionTime, String reason, String message) {

  public Condition {
    checkArgument(type != null && status != null && lastTransitionTime != null
        && reason != null && message != null, "condition parts must not be null");
  }

  /** {@return whether the status is True} */
  public boolean isTrue() {
    return status == ConditionStatus.TRUE;
  }

  @Override
  public String toString() {
    return type + "=" + status + (reason.isEmpty() ? "" : " (" + reason + ")");
  }
}
