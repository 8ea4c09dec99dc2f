package io.kubenetsim;

import io.kubenetsim.dns.DnsLookup;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.Hop;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.PolicyCheck;
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

  /** {@return where the packet was finally delivered (the backend), once it had somewhere to go} */
  Optional<HostPort> backend();

  /**
   * {@return every backend the entry node's rules allowed for this packet, in rule order (one of
   * them is {@link #backend()}); empty when no rule chose a backend}
   */
  List<HostPort> candidates();

  /** {@return the pod behind the backend as {@code namespace/name}, if it is a pod} */
  Optional<String> backendPod();

  /**
   * {@return whether a kube-proxy rule marked the packet for masquerade, so that it leaves the
   * node SNATed to the node's address} This is the rules' decision (a jump to {@code
   * KUBE-MARK-MASQ} or {@code mark-for-masquerade}), whatever address the sender had.
   */
  boolean masqueraded();

  /** {@return the source address the backend sees: the node's when masqueraded} */
  IpAddress sourceSeenByBackend();

  /**
   * {@return NetworkPolicy's checks on this connection, in the order the packet meets them: the
   * source pod's egress, then the destination pod's ingress} Empty when no check ran: the
   * packet never reached a pod, or the cluster does not enforce policies.
   */
  List<PolicyCheck> policyChecks();

  /**
   * {@return the check that decided the connection's fate: the one that denied it, else the
   * ingress check of an isolated destination, else the egress check of an isolated source;
   * empty when no policy selects either pod}
   */
  default Optional<PolicyCheck> policy() {
    return PolicyCheck.deciding(policyChecks());
  }

  /**
   * {@return the path, hop by hop; for a connection to a name, the DNS queries come first,
   * one hop each}
   */
  List<Hop> hops();

  /**
   * {@return the name lookup made before connecting, for a connection dialled by name ({@code
   * pod.connect("web", 80)}); empty for one dialled by address}
   */
  default Optional<DnsLookup> lookup() {
    return Optional.empty();
  }

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
