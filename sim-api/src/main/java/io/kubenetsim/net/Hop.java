package io.kubenetsim.net;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * One step of a packet's path: where it was addressed before and after, on which node, and
 * which rule, table or device made the rewrite. {@code toString()} reads like
 * {@code 172.18.0.3:30080 -> 10.96.12.3:80 on node-2 [KUBE-NODEPORTS -> KUBE-EXT-...]}.
 */
public record Hop(HostPort from, HostPort to, String node, String via) {

  public Hop {
    checkArgument(from != null && to != null && node != null && via != null,
        "hop parts must not be null");
  }

  @Override
  public String toString() {
    return from + " -> " + to + (node.isEmpty() ? "" : " on " + node) + " [" + via + "]";
  }
}
