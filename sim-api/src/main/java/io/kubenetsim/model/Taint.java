package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

/** A node taint such as {@code node.kubernetes.io/unreachable:NoExecute}. */
public record Taint(String key, String value, String effect) {

  public static final String UNREACHABLE = "node.kubernetes.io/unreachable";
  public static final String NOT_READY = "node.kubernetes.io/not-ready";
  public static final String UNSCHEDULABLE = "node.kubernetes.io/unschedulable";

  public Taint {
    checkArgument(key != null && value != null && effect != null, "taint parts must not be null");
  }

  @Override
  public String toString() {
    return key + (value.isEmpty() ? "" : "=" + value) + ":" + effect;
  }
}
