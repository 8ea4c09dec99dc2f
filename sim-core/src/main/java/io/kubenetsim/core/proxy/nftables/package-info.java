/**
 * kube-proxy's {@code nftables} mode, after upstream {@code pkg/proxy/nftables}. Start here:
 * {@link io.kubenetsim.core.proxy.nftables.NftablesBackend} (the {@code ProxyBackend}), which
 * compiles a node's {@code ip kube-proxy} table with {@link
 * io.kubenetsim.core.proxy.nftables.NftablesCompiler} (fixed chains from {@code
 * NftablesBaseChains}, per-port objects from {@code NftablesServicePortCompiler}, names from
 * {@link io.kubenetsim.core.proxy.nftables.NftablesChainNames}) into an {@link
 * io.kubenetsim.core.proxy.nftables.NftablesRuleset}, evaluates packets with {@code
 * NftablesEvaluator} (hash lookups in the verdict maps, {@code numgen} via the node's seeded
 * random), and prints {@code nft list ruleset} with {@link
 * io.kubenetsim.core.proxy.nftables.NftablesRenderer}.
 */
package io.kubenetsim.core.proxy.nftables;
