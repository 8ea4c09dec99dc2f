package io.kubenetsim.core.dns;

import java.util.Optional;

/**
 * The kubernetes plugin's {@code pods} option: how it answers {@code a-b-c-d.<ns>.pod.<zone>}
 * (upstream {@code findPods}).
 */
public enum PodMode {
  /** The plugin's default: every pod name is NXDOMAIN. */
  DISABLED("disabled"),
  /** kubeadm's choice: the address written in the name, if the namespace exists. */
  INSECURE("insecure"),
  /** Only when a pod of that namespace has that IP. */
  VERIFIED("verified");

  private final String text;

  PodMode(String text) {
    this.text = text;
  }

  /** {@return the mode with this Corefile spelling (exact, as upstream compares it)} */
  public static Optional<PodMode> tryParse(String text) {
    for (PodMode mode : values()) {
      if (mode.text.equals(text)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return text;
  }
}
