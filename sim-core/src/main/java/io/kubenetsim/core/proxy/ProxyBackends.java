package io.kubenetsim.core.proxy;

import io.kubenetsim.ProxyMode;
import io.kubenetsim.core.proxy.iptables.IptablesBackend;
import io.kubenetsim.core.proxy.ipvs.IpvsBackend;
import io.kubenetsim.core.proxy.nftables.NftablesBackend;

/** The backend for each kube-proxy mode. */
public final class ProxyBackends {
  private ProxyBackends() {}

  /** {@return a backend implementing the mode} */
  public static ProxyBackend forMode(ProxyMode mode) {
    return switch (mode) {
      case IPVS -> new IpvsBackend();
      case IPTABLES -> new IptablesBackend();
      case NFTABLES -> new NftablesBackend();
    };
  }
}
