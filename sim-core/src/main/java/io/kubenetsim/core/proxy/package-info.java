/**
 * kube-proxy. Start here: {@link io.kubenetsim.core.proxy.KubeProxyFleet} (one lagging watch,
 * rate-limited syncs into one shared {@link io.kubenetsim.core.proxy.ProxySnapshot} per view),
 * {@code ProxyChangeTracker} (the Services changed since the last sync, only those
 * recomputed and applied to the last snapshot, which shares structure with the next through
 * {@code SortedChunks} and {@code PersistentHashMap}), {@link io.kubenetsim.core.proxy.SnapshotBuilder} (service ports and endpoints as
 * upstream's change trackers see them), {@link io.kubenetsim.core.proxy.EndpointSelection}
 * (CategorizeEndpoints), and {@link io.kubenetsim.core.proxy.ProxyBackend}, implemented per
 * mode in {@code ipvs}, {@code iptables} and {@code nftables}. Node-specific inputs arrive as a
 * {@link io.kubenetsim.core.proxy.NodeContext}; kernel state (affinity, round robin) lives in
 * {@link io.kubenetsim.core.proxy.ProxyNodeState}. Each mode answers a packet with a {@link
 * io.kubenetsim.core.proxy.ProxyDecision}: its outcome, the DNAT rewrite (which rule, to which
 * endpoint) and the rule that set the masquerade mark are fields, so nothing downstream reads a
 * decision back from rule text. The local-traffic detector ({@code NodeContext.localTraffic})
 * may be absent, as upstream's no-op detector, and then no rule that needs it is written.
 * Nodes are IPv4-only, so only the IPv4 proxier runs: a dual-stack Service is programmed
 * through its IPv4 ClusterIP, an IPv6-only one not at all, and the dumps say so.
 */
package io.kubenetsim.core.proxy;
