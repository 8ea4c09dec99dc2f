package io.kubenetsim.model;

import java.util.Optional;

/**
 * {@code StatefulSet.spec.podManagementPolicy}, as the API spells it: {@code OrderedReady} (the
 * default: pods are created one at a time in ordinal order, each once its predecessors are
 * Running and Ready, and removed in reverse order) or {@code Parallel} (all at once).
 *
 * <pre>{@code
 * PodManagementPolicy.tryParse("Parallel");  // Optional[Parallel]
 * }</pre>
 */
public enum PodManagementPolicy {
  ORDERED_READY("OrderedReady"),
  PARALLEL("Parallel");

  private final String text;

  PodManagementPolicy(String text) {
    this.text = text;
  }

  /** {@return the policy with exactly this API name (case-sensitive, as the API is)} */
  public static Optional<PodManagementPolicy> tryParse(String name) {
    return ApiNames.find(values(), name);
  }

  @Override
  public String toString() {
    return text;
  }
}
