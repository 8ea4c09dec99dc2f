package io.kubenetsim.core.net;

import io.kubenetsim.model.Pod;
import io.kubenetsim.net.IpAddress;
import java.util.Optional;

/**
 * Who opens a connection: a pod (its IP, its node), a node's own process (the node's IP), or a
 * client outside the cluster (any address), which enters at a node chosen for it.
 *
 * @param node the node the packet starts on or enters at; empty for an outside client whose
 *     entry node is still to be chosen
 * @param onHost whether the sender runs in the node's own network namespace (a node process or
 *     a hostNetwork pod), so its packets go through netfilter's OUTPUT hook
 */
public record Source(Kind kind, IpAddress ip, Optional<String> node, boolean onHost,
    String label) {

  /** Where the connection comes from. */
  public enum Kind {
    POD,
    NODE,
    EXTERNAL
  }

  /**
   * {@return a pod as the sender of its packets}
   *
   * @throws IllegalStateException when the pod has no IP yet
   */
  public static Source ofPod(Pod pod) {
    IpAddress ip = pod.ip().flatMap(IpAddress::tryParse).orElseThrow(() ->
        new IllegalStateException("pod " + pod.metadata().key() + " has no IP yet (phase "
            + pod.status().phase() + "); settle() or runFor(...) first"));
    return new Source(Kind.POD, ip, Optional.of(pod.spec().nodeName()),
        pod.spec().hostNetwork(), "pod " + pod.metadata().key());
  }

  @Override
  public String toString() {
    return label;
  }
}
