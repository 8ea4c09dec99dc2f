package io.kubenetsim;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether the cluster's network plugin enforces NetworkPolicy. The API server stores policies
 * either way; only a plugin that implements them (Calico, Cilium, Antrea, kube-router…) filters
 * traffic. A plugin that does not (flannel, kindnet before v0.24) silently ignores them — a
 * classic surprise: the policy is there, {@code kubectl get netpol} shows it, and nothing is
 * blocked.
 *
 * <pre>{@code
 * Cluster flannel = KubeSim.cluster().networkPolicy(NetworkPolicyEnforcement.IGNORE).build();
 * }</pre>
 */
public enum NetworkPolicyEnforcement {
  /** Policies filter traffic (the default). */
  ENFORCE,
  /** Policies are stored and shown, and filter nothing. */
  IGNORE;

  /** {@return the flag's spelling: {@code enforce} or {@code ignore}} */
  public String flagValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@return the mode spelled {@code text} on a command line, case-insensitively} */
  public static Optional<NetworkPolicyEnforcement> tryParse(String text) {
    for (NetworkPolicyEnforcement mode : values()) {
      if (mode.flagValue().equalsIgnoreCase(text)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
