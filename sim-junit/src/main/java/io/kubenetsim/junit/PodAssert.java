package io.kubenetsim.junit;

import io.kubenetsim.Cluster;
import io.kubenetsim.PodHandle;

/** Assertions about what one pod can reach, as a test asks them. */
public final class PodAssert {
  private final Cluster cluster;
  private final PodHandle pod;

  PodAssert(Cluster cluster, PodHandle pod) {
    this.cluster = cluster;
    this.pod = pod;
  }

  /**
   * Asserts a new connection from the pod to {@code target} on {@code port} is established.
   *
   * @param target {@code svc/<ns>/<name>}, {@code pod/<ns>/<name>}, an IP, or a DNS name
   * @return the connection's assertions, for more ({@link ConnectionAssert#reachesOnly})
   */
  public ConnectionAssert canReach(String target, int port) {
    return connectingTo(target, port).isEstablished();
  }

  /** Asserts a new connection from the pod to {@code target} is not established. */
  public ConnectionAssert cannotReach(String target, int port) {
    return connectingTo(target, port).isNotEstablished();
  }

  /** {@return assertions on a new connection from the pod to {@code target}, none made yet} */
  public ConnectionAssert connectingTo(String target, int port) {
    ConnectionTarget to = new ConnectionTarget(cluster, target);
    return new ConnectionAssert(cluster, pod.ref().namespace() + "/" + pod.name() + " -> "
        + target + ":" + port, () -> to.connectFrom(pod, port));
  }
}
