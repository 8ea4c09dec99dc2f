package io.kubenetsim.core.proxy.nftables;

import io.kubenetsim.core.proxy.ChainHash;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ServicePortName;

/**
 * Names of kube-proxy's per-service-port nftables objects, as upstream {@code
 * pkg/proxy/nftables/proxier.go} builds them ({@code hashAndTruncate}, {@code
 * servicePortChainNameBase}, {@code servicePortEndpointChainNameBase}): a base
 * {@code ns/svc/proto/portname} (plus {@code __ip/port} for endpoints, IPv6 colons turned into
 * dots), prefixed by the first 8 characters of the standard base32 of its SHA-256 and cut to 240
 * characters with a {@code ...} suffix. The four service chains share one base; an endpoint's
 * chain and affinity set share another.
 */
public final class NftablesChainNames {
  /** knftables {@code NameLengthMax} (256) minus upstream's {@code chainNamePrefixLengthMax} (16). */
  static final int CHAIN_NAME_BASE_LENGTH_MAX = 240;

  private NftablesChainNames() {}

  /** {@return {@code HASH-name}, truncated as upstream's {@code hashAndTruncate}} */
  public static String hashAndTruncate(String name) {
    String result = ChainHash.of(name, 8) + "-" + name;
    if (result.length() > CHAIN_NAME_BASE_LENGTH_MAX) {
      result = result.substring(0, CHAIN_NAME_BASE_LENGTH_MAX - 3) + "...";
    }
    return result;
  }

  /** {@return e.g. {@code ULMVA6XW-ns1/svc1/tcp/p80}} */
  public static String servicePortBase(ServicePortName port) {
    return hashAndTruncate(port.namespace() + "/" + port.service() + "/"
        + port.protocolLowerCase() + "/" + port.port());
  }

  /** {@return e.g. {@code 5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80}} */
  public static String endpointBase(ServicePortName port, ProxyEndpoint endpoint) {
    return hashAndTruncate(port.namespace() + "/" + port.service() + "/"
        + port.protocolLowerCase() + "/" + port.port() + "__"
        + endpoint.ip().toString().replace(':', '.') + "/" + endpoint.port());
  }

  /** {@return the Cluster-policy chain: {@code service-<H>-…}} */
  public static String service(ServicePortName port) {
    return "service-" + servicePortBase(port);
  }

  /** {@return the Local-policy chain: {@code local-<H>-…}} */
  public static String local(ServicePortName port) {
    return "local-" + servicePortBase(port);
  }

  /** {@return the chain for NodePort, externalIP and load-balancer traffic} */
  public static String external(ServicePortName port) {
    return "external-" + servicePortBase(port);
  }

  /** {@return the loadBalancerSourceRanges chain} */
  public static String firewall(ServicePortName port) {
    return "firewall-" + servicePortBase(port);
  }

  /** {@return the endpoint chain: {@code endpoint-<H'>-…__ip/port}} */
  public static String endpoint(ServicePortName port, ProxyEndpoint endpoint) {
    return "endpoint-" + endpointBase(port, endpoint);
  }

  /** {@return the endpoint's session-affinity set: {@code affinity-<H'>-…__ip/port}} */
  public static String affinity(ServicePortName port, ProxyEndpoint endpoint) {
    return "affinity-" + endpointBase(port, endpoint);
  }
}
