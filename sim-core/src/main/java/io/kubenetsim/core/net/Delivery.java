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
    OUTSIDE
  }

  /** {@return whether a pod or a node holds the address} */
  boolean reachedClusterMember() {
    return holder == Holder.POD || holder == Holder.NODE;
  }
}
