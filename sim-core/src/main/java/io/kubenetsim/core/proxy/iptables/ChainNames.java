package io.kubenetsim.core.proxy.iptables;

import io.kubenetsim.core.proxy.ChainHash;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ServicePortName;

/**
 * kube-proxy's per-service-port and per-endpoint chain names: a prefix plus the first 16
 * characters of standard base32 of sha256 over {@code ns/svc:port} + lower-case protocol (+
 * {@code ip:port} for KUBE-SEP), as upstream's {@code portProtoHash} and {@code
 * servicePortEndpointChainName} in {@code pkg/proxy/iptables/proxier.go}. Iptables chain names
 * are limited to 28 characters, hence the truncation.
 */
public final class ChainNames {
  private ChainNames() {}

  /** The four chains of one service port, which share one hash (computed once). */
  record PortChains(String service, String serviceLocal, String external, String firewall) {}

  /** {@return KUBE-SVC, KUBE-SVL, KUBE-EXT and KUBE-FW of a service port} */
  static PortChains forPort(ServicePortName port) {
    String hash = portHash(port);
    return new PortChains("KUBE-SVC-" + hash, "KUBE-SVL-" + hash, "KUBE-EXT-" + hash,
        "KUBE-FW-" + hash);
  }

  /** {@return KUBE-SVC-…, the Cluster-policy chain} */
  public static String service(ServicePortName port) {
    return "KUBE-SVC-" + portHash(port);
  }

  /** {@return KUBE-SVL-…, the Local-policy chain} */
  public static String serviceLocal(ServicePortName port) {
    return "KUBE-SVL-" + portHash(port);
  }

  /** {@return KUBE-EXT-…, the chain external traffic enters} */
  public static String external(ServicePortName port) {
    return "KUBE-EXT-" + portHash(port);
  }

  /** {@return KUBE-FW-…, the loadBalancerSourceRanges chain} */
  public static String firewall(ServicePortName port) {
    return "KUBE-FW-" + portHash(port);
  }

  /** {@return KUBE-SEP-…, one endpoint's DNAT chain} */
  public static String endpoint(ServicePortName port, ProxyEndpoint endpoint) {
    return "KUBE-SEP-" + hash(port.name() + port.protocolLowerCase() + endpoint.address());
  }

  static String portHash(ServicePortName port) {
    return hash(port.name() + port.protocolLowerCase());
  }

  private static String hash(String input) {
    return ChainHash.of(input, 16);
  }
}
