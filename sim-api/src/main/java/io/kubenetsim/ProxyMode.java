package io.kubenetsim;

/** kube-proxy's {@code mode}: how Service traffic is translated on every node. */
public enum ProxyMode {
  /** IPVS virtual servers with round-robin scheduling (the simulator's default). */
  IPVS,
  /** iptables chains KUBE-SERVICES → KUBE-SVC-… → KUBE-SEP-…, random by the statistic module. */
  IPTABLES,
  /** nftables verdict maps keyed by address, protocol and port; random by numgen. */
  NFTABLES
}
