package io.kubenetsim.core.proxy;

import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;

/**
 * An endpoint as kube-proxy sees it for one service port: address, resolved port, node, and
 * the three conditions (unset ones already read as upstream reads them).
 */
public record ProxyEndpoint(IpAddress ip, int port, String nodeName, boolean ready,
    boolean serving, boolean terminating) {

  /** {@return {@code ip:port}, IPv6 in brackets, as {@code net.JoinHostPort} prints it} */
  public String hostPort() {
    return ip.family() == IpFamily.IPV6 ? "[" + ip + "]:" + port : ip + ":" + port;
  }

  @Override
  public String toString() {
    return hostPort();
  }
}
