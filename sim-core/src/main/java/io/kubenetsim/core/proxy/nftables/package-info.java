/**
 * kube-proxy's {@code nftables} mode, after upstream {@code pkg/proxy/nftables}. Start here:
 * {@link io.kubenetsim.core.proxy.nftables.NftablesBackend} (the {@code ProxyBackend}), which
 * compiles a node's {@code ip kube-proxy} table with {@link
 * io.kubenetsim.core.proxy.nftables.NftablesCompiler} (fixed chains from {@code
 * NftablesBaseChains}, per-port objects from {@code NftablesServicePortCompiler}, names from
 * {@link io.kubenetsim.core.proxy.nftables.NftablesChainNames}) into an {@link
 * io.kubenetsim.core.proxy.nftables.NftablesRuleset}, evaluates packets with {@code
 * NftablesEvaluator} (hash lookups in the verdict maps, chains reached by reference, {@code
 * numgen} via the node's seeded random, text written only when read), and prints {@code nft list ruleset} with {@link
 * io.kubenetsim.core.proxy.nftables.NftablesRenderer}. Nodes whose rules cannot differ (no
 * Local traffic policy, no source ranges, the same detector and configuration) share one
 * compiled table, each through a view with its own addresses and {@code nodeport-ips}.
 */
package io.kubenetsim.core.proxy.nftables;
