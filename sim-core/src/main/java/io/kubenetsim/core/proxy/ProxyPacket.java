package io.kubenetsim.core.proxy;

import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;

/**
 * The first packet of a new flow, as one node's rules see it.
 *
 * @param hook {@link Hook#PREROUTING} for packets arriving from a pod on the node or from the
 *     network; {@link Hook#OUTPUT} for packets a process on the node itself sends
 */
public record ProxyPacket(IpAddress source, IpAddress destination, int destinationPort,
    Protocol protocol, Hook hook) {

  /** Where the packet enters netfilter. */
  public enum Hook {
    PREROUTING,
    OUTPUT
  }

  @Override
  public String toString() {
    return protocol + " " + source + " -> " + HostPort.of(destination, destinationPort) + " ("
        + hook + ")";
  }
}
