package io.kubenetsim.core.proxy.nftables;

import static io.kubenetsim.core.proxy.nftables.NftablesBaseChains.CLUSTER_IPS_CHECK;
import static io.kubenetsim.core.proxy.nftables.NftablesBaseChains.NODEPORT_ENDPOINTS_CHECK;
import static io.kubenetsim.core.proxy.nftables.NftablesBaseChains.REJECT_CHAIN;
import static io.kubenetsim.core.proxy.nftables.NftablesBaseChains.SERVICES;
import static io.kubenetsim.core.proxy.nftables.NftablesBaseChains.SERVICE_ENDPOINTS_CHECK;

import com.google.common.collect.ImmutableList;
import java.util.function.Function;

/**
 * The rules of {@link NftablesBaseChains} that {@link NftablesEvaluator} walks itself, found by
 * chain name once per compiled table instead of once per packet. Immutable.
 *
 * @param nodePortsVmap the {@code services} chain's {@code @nodeport-ips} rule
 * @param clusterIpsCheck the {@code cluster-ips-check} chain (its second rule only with service
 *     CIDRs)
 */
record NftablesFixedRules(NftRule filterPreroutingPreDnat, NftRule filterOutputPreDnat,
    NftRule natPrerouting, NftRule natOutput, NftRule nodePortsVmap,
    NftRule nodePortEndpointsCheck, NftRule serviceEndpointsCheck,
    ImmutableList<NftRule> clusterIpsCheck, NftRule reject) {

  /** {@return the rules, read from the table's chains} */
  static NftablesFixedRules of(Function<String, NftChain> chains) {
    return new NftablesFixedRules(
        first(chains, "filter-prerouting-pre-dnat"), first(chains, "filter-output-pre-dnat"),
        first(chains, "nat-prerouting"), first(chains, "nat-output"),
        chains.apply(SERVICES).rules().get(1), first(chains, NODEPORT_ENDPOINTS_CHECK),
        first(chains, SERVICE_ENDPOINTS_CHECK), chains.apply(CLUSTER_IPS_CHECK).rules(),
        first(chains, REJECT_CHAIN));
  }

  private static NftRule first(Function<String, NftChain> chains, String name) {
    return chains.apply(name).rules().get(0);
  }
}
