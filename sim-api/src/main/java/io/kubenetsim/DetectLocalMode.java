package io.kubenetsim;

/**
 * How kube-proxy tells traffic from pods ("local traffic") from everything else, as its
 * {@code detectLocalMode} setting names it ({@code pkg/proxy/util/localdetector.go}). The
 * detector decides which ClusterIP traffic is masqueraded (sources it does not call local) and
 * which traffic to an external address under {@code externalTrafficPolicy: Local} is pod
 * traffic that may use endpoints on other nodes.
 *
 * <p>Simplification: {@code BridgeInterface} and {@code InterfaceNamePrefix}, which match the
 * interface a packet arrived on, are not modelled.
 */
public enum DetectLocalMode {
  /**
   * Sources inside {@code clusterCIDR} are pods; with {@code clusterCIDR} empty, kube-proxy
   * has no detector at all (upstream's no-op detector: every masquerade rule that depends on it
   * is left out).
   */
  CLUSTER_CIDR("ClusterCIDR"),
  /** Sources inside the node's own {@code spec.podCIDR} are pods (pods of this node only). */
  NODE_CIDR("NodeCIDR");

  private final String text;

  DetectLocalMode(String text) {
    this.text = text;
  }

  @Override
  public String toString() {
    return text;
  }
}
