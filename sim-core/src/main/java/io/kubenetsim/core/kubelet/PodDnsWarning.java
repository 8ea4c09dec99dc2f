package io.kubenetsim.core.kubelet;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A Warning event the kubelet emits while forming a pod's resolv.conf, as data for the caller
 * to log against the pod ({@code sim.log().record(w.reason(), pod.ref(), w.message())}).
 *
 * <pre>{@code
 * new PodDnsWarning(PodDnsWarning.DNS_CONFIG_FORMING, "Nameserver limits were exceeded, ...");
 * }</pre>
 *
 * @param reason the event reason: {@link #DNS_CONFIG_FORMING} or {@link #MISSING_CLUSTER_DNS}
 * @param message the event message, in upstream's words
 */
public record PodDnsWarning(String reason, String message) {

  /** Upstream's reason when nameservers or search domains were cut to fit the limits. */
  public static final String DNS_CONFIG_FORMING = "DNSConfigForming";

  /** Upstream's reason when a cluster-DNS pod falls back to the node's resolver. */
  public static final String MISSING_CLUSTER_DNS = "MissingClusterDNS";

  public PodDnsWarning {
    checkArgument(reason != null && !reason.isEmpty() && message != null,
        "a warning needs a reason and a message");
  }

  @Override
  public String toString() {
    return "Warning " + reason + " " + message;
  }
}
