package io.kubenetsim.model;

/** {@code Pod.status.phase}. */
public enum PodPhase {
  PENDING("Pending"),
  RUNNING("Running"),
  SUCCEEDED("Succeeded"),
  FAILED("Failed"),
  UNKNOWN("Unknown");

  private final String text;

  PodPhase(String text) {
    this.text = text;
  }

  /** {@return whether the pod has finished for good (Succeeded or Failed)} */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED;
  }

  @Override
  public String toString() {
    return text;
  }
}
