package io.kubenetsim;

import io.kubenetsim.net.Protocol;

/**
 * A client outside the cluster with a fixed address. Traffic to a LoadBalancer IP goes through
 * the simulated cloud load balancer to a node's NodePort; traffic to a node address enters at
 * that node. Not for implementation outside io.kubenetsim.
 *
 * <pre>{@code
 * Connection conn = c.external("203.0.113.7").connect(lbIp, 80);
 * conn.hops();  // LB -> NodeIP:NodePort -> ServiceIP:port -> PodIP:port
 * }</pre>
 */
public interface ExternalClient {

  /** Connects over TCP. */
  default Connection connect(String ip, int port) {
    return connect(ip, port, Protocol.TCP);
  }

  /** Connects with any protocol. */
  Connection connect(String ip, int port, Protocol protocol);

  /** Connects with the packet entering the cluster at a chosen node (no load balancer). */
  Connection connectVia(String node, String ip, int port, Protocol protocol);
}
