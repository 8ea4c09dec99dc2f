package io.kubenetsim.junit;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.PodHandle;

/**
 * Where an assertion connects to, written as kubectl names things: {@code svc/<ns>/<name>} (the
 * Service's ClusterIP), {@code pod/<ns>/<name>} (the pod's IP), or anything a pod can connect
 * to by itself — an IP address, or a DNS name its resolver looks up ({@code web},
 * {@code web.shop.svc.cluster.local}).
 */
final class ConnectionTarget {
  private final Cluster cluster;
  private final String text;

  ConnectionTarget(Cluster cluster, String text) {
    this.cluster = cluster;
    this.text = text;
  }

  /** {@return a new connection from {@code client} to this target on {@code port}} */
  Connection connectFrom(PodHandle client, int port) {
    if (text.startsWith("svc/") || text.startsWith("service/")) {
      return client.connect(cluster.getService(text.substring(text.indexOf('/') + 1)), port);
    }
    if (text.startsWith("pod/")) {
      PodHandle pod = cluster.getPod(text.substring("pod/".length()));
      return client.connect(pod.ip().orElseThrow(() -> new IllegalStateException(
          "pod " + pod.name() + " has no IP yet; settle() first")), port);
    }
    return client.connect(text, port);
  }

  @Override
  public String toString() {
    return text;
  }
}
