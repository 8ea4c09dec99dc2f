/**
 * kube-proxy. Start here: {@link io.kubenetsim.core.proxy.KubeProxyFleet} (one lagging watch,
 * rate-limited syncs into one shared {@link io.kubenetsim.core.proxy.ProxySnapshot} per view),
 * {@link io.kubenetsim.core.proxy.SnapshotBuilder} (service ports and endpoints as upstream's
 * change trackers see them), {@link io.kubenetsim.core.proxy.EndpointSelection}
 * (CategorizeEndpoints), and {@link io.kubenetsim.core.proxy.ProxyBackend}, implemented per
 * mode in {@code ipvs}, {@code iptables} and {@code nftables}. Node-specific inputs arrive as a
 * {@link io.kubenetsim.core.proxy.NodeContext}; kernel state (affinity, round robin) lives in
 * {@link io.kubenetsim.core.proxy.ProxyNodeState}.
 */
package io.kubenetsim.core.proxy;
