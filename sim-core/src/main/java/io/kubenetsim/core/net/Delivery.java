package io.kubenetsim.core.net;

import io.kubenetsim.model.Pod;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.Protocol;
import java.util.Optional;

/**
 * What happened when a packet reached its (possibly rewritten) destination, as data; {@link
 * #reason()} says it in words, when someone reads it.
 *
 * @param holder what holds the destination address
 * @param pod the pod that answered or refused (a hostNetwork pod answers for its node)
 * @param node the node holding the address, or the pod's node; {@code ""} for none
 * @param address where the packet was delivered
 */
record Delivery(Holder holder, ConnectionVerdict verdict, Optional<Pod> pod, String node,
    HostPort address, Protocol protocol) {

  /** What holds an address in the simulated network. */
  enum Holder {
    /** A pod's IP (a hostNetwork pod answers as its node). */
    POD,
    /** A node's address. */
    NODE,
    /** Nothing: an address inside the cluster's ranges that nobody holds now. */
    NOBODY,
    /** An address outside every range the cluster owns. */
    OUTSIDE,
    /**
     * Port 53 of an address outside the cluster: a DNS resolver of the outside world (the
     * nodes' resolver, a public one), answering from the cluster's UpstreamZones.
     */
    OUTSIDE_RESOLVER
  }

  /**
   * {@return whether something known answers at the address: a pod, a node, or a resolver
   * outside} Other outside addresses are unknown to the simulation.
   */
  boolean reachedListener() {
    return holder == Holder.POD || holder == Holder.NODE || holder == Holder.OUTSIDE_RESOLVER;
  }

  /** {@return the pod that answered or refused, as {@code namespace/name}} */
  Optional<String> podName() {
    return pod.map(p -> p.metadata().key().toString());
  }

  /** {@return what happened, in a sentence} */
  String reason() {
    String on = address.port() + "/" + protocol;
    return switch (holder) {
      case POD -> {
        String name = podName().orElseThrow();
        yield switch (verdict) {
          case TIMED_OUT -> "pod " + name + " is on node " + node + ", which is down";
          case REFUSED -> "pod " + name + " has no running container listening on " + on;
          default -> "pod " + name + " accepted on " + on;
        };
      }
      case NODE -> switch (verdict) {
        case TIMED_OUT -> "node " + node + " is down";
        case ESTABLISHED -> "hostNetwork pod " + podName().orElseThrow() + " accepted on node "
            + node + " port " + address.port();
        default -> "nothing listens on node " + node + " port " + on;
      };
      case NOBODY -> "nothing holds " + address.ip() + " (a pod that is gone, or an address "
          + "nobody allocated): the packet is lost";
      case OUTSIDE_RESOLVER -> "the DNS resolver at " + address + ", outside the cluster, "
          + "received it";
      case OUTSIDE -> "delivered outside the cluster to " + address;
    };
  }
}
