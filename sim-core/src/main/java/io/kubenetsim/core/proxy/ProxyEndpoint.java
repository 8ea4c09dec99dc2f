package io.kubenetsim.core.proxy;

import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;

/**
 * An endpoint as kube-proxy sees it for one service port: address and resolved port, node, and
 * the three conditions (unset ones already read as upstream reads them).
 */
public record ProxyEndpoint(HostPort address, String nodeName, boolean ready,
    boolean serving, boolean terminating) {

  /** {@return an endpoint at {@code ip:port}} */
  public static ProxyEndpoint of(IpAddress ip, int port, String nodeName, boolean ready,
      boolean serving, boolean terminating) {
    return new ProxyEndpoint(HostPort.of(ip, port), nodeName, ready, serving, terminating);
  }

  /** {@return the endpoint's address} */
  public IpAddress ip() {
    return address.ip();
  }

  /** {@return the endpoint's resolved (target) port} */
  public int port() {
    return address.port();
  }

  @Override
  public String toString() {
    return address.toString();
  }
}
