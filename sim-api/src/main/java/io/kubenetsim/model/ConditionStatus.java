package io.kubenetsim.model;

/** The status of a condition: {@code True}, {@code False} or {@code Unknown}. */
public enum ConditionStatus {
  TRUE("True"),
  FALSE("False"),
  UNKNOWN("Unknown");

  private final String text;

  ConditionStatus(String text) {
    this.text = text;
  }

  /** {@return {@code True} or {@code False}} */
  public static ConditionStatus of(boolean value) {
    return value ? TRUE : FALSE;
  }

  @Override
  public String toString() {
    return text;
  }
}
