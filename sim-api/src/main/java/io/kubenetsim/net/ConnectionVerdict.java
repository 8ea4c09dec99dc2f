package io.kubenetsim.net;

/** How a connection attempt ended, as the client would experience it. */
public enum ConnectionVerdict {
  /** The backend accepted the connection. */
  ESTABLISHED,
  /** kube-proxy rejected it: the service port has no endpoints (ICMP port unreachable). */
  REJECTED,
  /** It reached a pod, but nothing listens on that port (TCP RST). */
  REFUSED,
  /** Nothing answered: a rule pointed at a pod that is gone, or a node dropped the packet. */
  TIMED_OUT,
  /** A NetworkPolicy dropped it (the client sees a time-out). */
  DROPPED_BY_POLICY
}
