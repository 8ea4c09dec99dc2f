package io.kubenetsim.core.net;

import io.kubenetsim.net.ConnectionVerdict;
import java.util.Optional;

/**
 * What happened when a packet reached its (possibly rewritten) destination.
 *
 * @param holder what holds the destination address
 * @param pod the pod that answered or refused, as {@code namespace/name}
 */
record Delivery(Holder holder, ConnectionVerdict verdict, Optional<String> pod, String reason) {

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
}
