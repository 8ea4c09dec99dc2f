package io.kubenetsim;

import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.Hop;
import java.util.List;
import java.util.Optional;

/**
 * A connection attempt and, when established, the open connection: its verdict, the backend
 * it reached, the source address the backend sees, and every hop with the rule that made it.
 * Requests on an open connection follow its conntrack entry to the same backend, even after
 * the Service's endpoints change. Not for implementation outside io.kubenetsim.
 */
public interface Connection {

  /** {@return how the attempt ended} */
  ConnectionVerdict verdict();

  /** {@return whether the connection is established} */
  default boolean isEstablished() {
    return verdict() == ConnectionVerdict.ESTABLISHED;
  }

  /** {@return the backend as {@code ip:port}, once one was chosen} */
  Optional<String> backend();

  /**
   * {@return every backend the entry node's rules allowed for this packet, as {@code ip:port}
   * in rule order (one of them is {@link #backend()}); empty when no rule chose a backend}
   */
  List<String> candidates();

  /** {@return the pod behind the backend as {@code namespace/name}, if it is a pod} */
  Optional<String> backendPod();

  /** {@return the source address the backend sees (the node's, when masqueraded)} */
  String sourceSeenByBackend();

  /** {@return the path, hop by hop} */
  List<Hop> hops();

  /** {@return why the attempt ended as it did, in one sentence} */
  String reason();

  /** {@return a multi-line explanation: packet, hops, rules, verdict} */
  String explain();

  /**
   * Sends a request on the open connection. {@return the verdict now}: {@code ESTABLISHED}
   * while the backend still answers, {@code TIMED_OUT} once it is gone}
   *
   * @throws IllegalStateException when the connection was never established or is closed
   */
  ConnectionVerdict request();

  /** Closes the connection and frees its conntrack entry. */
  void close();
}
