package io.kubenetsim;

import io.kubenetsim.net.PacketTrace;
import io.kubenetsim.net.Protocol;

/**
 * One node's kube-proxy, read-only: its mode, the rules it last synced (which may trail the
 * API while it lags, or while the node is down) and single-packet traces through them.
 * Not for implementation outside io.kubenetsim.
 */
public interface KubeProxyView {

  /** {@return the proxy mode} */
  ProxyMode mode();

  /** {@return the version of the rules this node last synced} */
  long syncedVersion();

  /**
   * {@return the node's rules as the real tool prints them: {@code iptables-save}, {@code
   * ipvsadm -Ln}, or {@code nft list ruleset}}
   */
  String dump();

  /**
   * {@return the node's rules one per line, in the dump's order (rule, map-element or virtual
   * server lines; blank lines left out)}, for tests that look for a rule
   */
  default java.util.List<String> rules() {
    return dump().lines().filter(line -> !line.isBlank()).toList();
  }

  /**
   * Traces one packet with this source through this node's rules (nothing is delivered and no
   * connection is recorded, but affinity and round-robin state advance as for a real packet).
   */
  PacketTrace trace(String sourceIp, String destinationIp, int port, Protocol protocol);
}
