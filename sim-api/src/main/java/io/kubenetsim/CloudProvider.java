package io.kubenetsim;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a cloud controller gives LoadBalancer Services an address, as kube-controller-manager's
 * {@code --cloud-provider} flag (and cloud-controller-manager's service controller) decides.
 *
 * <pre>{@code
 * Cluster kind = KubeSim.cluster().cloudProvider(CloudProvider.NONE).build();
 * }</pre>
 */
public enum CloudProvider {
  /**
   * The simulated cloud (the default): a LoadBalancer Service of the default class gets an IP
   * from {@link ClusterConfig#loadBalancerPool()} after {@link Timing#loadBalancerProvisioning()}.
   */
  SIMULATED,
  /**
   * No cloud: nothing writes {@code status.loadBalancer.ingress}, so LoadBalancer Services stay
   * {@code <pending>} forever — as on kind without cloud-provider-kind, or minikube without
   * {@code minikube tunnel}. Their NodePorts and ClusterIPs still work, and an ingress written
   * in a manifest's status (as an external controller would write it) still counts.
   */
  NONE;

  /** {@return the flag's spelling: {@code simulated} or {@code none}} */
  public String flagValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@return the provider spelled {@code text} on a command line, case-insensitively} */
  public static Optional<CloudProvider> tryParse(String text) {
    for (CloudProvider provider : values()) {
      if (provider.flagValue().equalsIgnoreCase(text)) {
        return Optional.of(provider);
      }
    }
    return Optional.empty();
  }
}
