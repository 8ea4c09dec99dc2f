package io.kubenetsim.net;

/**
 * How a connection attempt ended, as the client would experience it; for a packet only traced
 * through one node's rules ({@link PacketTrace}), what those rules decided.
 */
public enum ConnectionVerdict {
  /** The backend accepted the connection (for a rules-only trace: the rules DNATed it). */
  ESTABLISHED,
  /** kube-proxy rejected it: the service port has no endpoints (ICMP port unreachable). */
  REJECTED,
  /** It reached a pod, but nothing listens on that port (TCP RST). */
  REFUSED,
  /** Nothing answered: a rule pointed at a pod that is gone, or a node dropped the packet. */
  TIMED_OUT,
  /**
   * Never produced: a NetworkPolicy drop is reported as the client sees it, {@link #TIMED_OUT},
   * with the check that denied it in {@link io.kubenetsim.Connection#policy()}. Kept so code
   * written against the first contract still compiles.
   *
   * @deprecated match {@code TIMED_OUT} and read {@code Connection.policy()}
   */
  @Deprecated
  DROPPED_BY_POLICY,
  /**
   * The client never connected: the name it dialled did not resolve (NXDOMAIN, no record of
   * the type, or no DNS server answered — the lookup in the trace says which), as {@code curl}
   * reports "Could not resolve host".
   */
  UNRESOLVED,
  /**
   * Only for a rules-only trace: no kube-proxy rule touched the packet, and nothing was
   * delivered, so nothing is known about whether a connection would be established.
   */
  UNTOUCHED,
  /**
   * The client had no route to the address, as a kernel answers {@code connect()} with
   * "Network is unreachable": the two ends are of different IP families, or of one the
   * cluster's pods and nodes do not have. kube-netsim's pods and nodes are IPv4-only, so this is
   * any IPv6 destination (an IPv6 ClusterIP among them) or IPv6 client; IPv6 traffic is not
   * simulated, and the reason says so.
   */
  UNREACHABLE
}
