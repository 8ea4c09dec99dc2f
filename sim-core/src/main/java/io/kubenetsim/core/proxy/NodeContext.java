package io.kubenetsim.core.proxy;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.KubeProxyConfiguration;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import java.util.Optional;

/**
 * What is particular to one node's kube-proxy: its name and addresses, its pod CIDR, the
 * local-traffic detector's CIDR, the service CIDRs of its family (IPv4), and its
 * configuration.
 *
 * @param nodeIPs every address of the node (InternalIP first, then ExternalIP)
 * @param localTraffic the local-traffic detector: the CIDR whose sources count as pods
 *     ({@code clusterCIDR}, or the node's pod CIDR under {@code NodeCIDR}); empty when
 *     kube-proxy has none (upstream's no-op detector), in which case every rule that depends
 *     on it is left out
 */
public record NodeContext(
    String nodeName,
    ImmutableList<IpAddress> nodeIPs,
    Optional<Cidr> podCIDR,
    Optional<Cidr> localTraffic,
    ImmutableList<Cidr> serviceCidrs,
    KubeProxyConfiguration config) {
  private static final IpAddress LOOPBACK = IpAddress.parse("127.0.0.1");

  /** {@return the node's primary (first) address} */
  public IpAddress primaryIP() {
    return nodeIPs.get(0);
  }

  /** {@return whether an address is one of this node's own (or loopback)} */
  public boolean isLocal(IpAddress address) {
    return nodeIPs.contains(address) || address.equals(LOOPBACK);
  }

  /**
   * {@return whether the detector calls a source local (a pod)}; only meaningful when {@link
   * #localTraffic()} is present
   */
  public boolean isPodSource(IpAddress source) {
    return localTraffic.isPresent() && localTraffic.get().contains(source);
  }
}
