package io.kubenetsim.core.proxy.nftables;

import static io.kubenetsim.core.proxy.nftables.NftRule.fixed;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.proxy.NodeContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The chains kube-proxy creates once per table, whatever the services ({@code setupNFTables} in
 * upstream {@code pkg/proxy/nftables/proxier.go}), in the order of upstream {@code
 * proxier_test.go} {@code baseRules}: filter chains before DNAT (priority {@code dstnat - 10})
 * for {@code firewall-check}, filter chains at priority {@code filter} (after DNAT) for the
 * no-endpoint maps and {@code cluster-ips-check}, and the nat chains.
 */
final class NftablesBaseChains {
  static final String CLUSTER_IPS_CHECK = "cluster-ips-check";
  static final String FIREWALL_CHECK = "firewall-check";
  static final String SERVICES = "services";
  static final String SERVICE_ENDPOINTS_CHECK = "service-endpoints-check";
  static final String NODEPORT_ENDPOINTS_CHECK = "nodeport-endpoints-check";
  static final String REJECT_CHAIN = "reject-chain";
  static final String MASQUERADE_MARK = "0x4000";

  private NftablesBaseChains() {}

  static List<NftChain> chains(NodeContext node) {
    String newConn = "ct state new jump ";
    List<NftRule> clusterIpsCheck = new ArrayList<>(List.of(fixed(
        "ip daddr @cluster-ips reject comment \"Reject traffic to invalid ports of ClusterIPs\"")));
    if (!node.serviceCidrs().isEmpty()) {
      clusterIpsCheck.add(fixed("ip daddr " + NftablesRuleset.serviceCidrText(node)
          + " drop comment \"Drop traffic to unallocated ClusterIPs\""));
    }
    return List.of(
        NftChain.regular(CLUSTER_IPS_CHECK, clusterIpsCheck),
        NftChain.base("filter-prerouting-pre-dnat", "filter", "prerouting", "dstnat - 10",
            List.of(fixed(newConn + FIREWALL_CHECK))),
        NftChain.base("filter-output-pre-dnat", "filter", "output", "dstnat - 10",
            List.of(fixed(newConn + FIREWALL_CHECK))),
        NftChain.base("filter-forward", "filter", "forward", "filter", List.of(
            fixed(newConn + SERVICE_ENDPOINTS_CHECK), fixed(newConn + CLUSTER_IPS_CHECK))),
        NftChain.base("filter-input", "filter", "input", "filter", List.of(
            fixed(newConn + NODEPORT_ENDPOINTS_CHECK), fixed(newConn + SERVICE_ENDPOINTS_CHECK))),
        NftChain.base("filter-output", "filter", "output", "filter", List.of(
            fixed(newConn + SERVICE_ENDPOINTS_CHECK), fixed(newConn + CLUSTER_IPS_CHECK))),
        NftChain.regular(FIREWALL_CHECK, List.of(
            fixed("ip daddr . meta l4proto . th dport vmap @firewall-ips"))),
        NftChain.regular("mark-for-masquerade", List.of(
            fixed("mark set mark or " + MASQUERADE_MARK))),
        NftChain.regular("masquerading", List.of(
            fixed("mark and " + MASQUERADE_MARK + " == 0 return"),
            fixed("mark set mark xor " + MASQUERADE_MARK),
            fixed("masquerade fully-random"))),
        NftChain.base("nat-output", "nat", "output", "dstnat", List.of(fixed("jump " + SERVICES))),
        NftChain.base("nat-postrouting", "nat", "postrouting", "srcnat",
            List.of(fixed("jump masquerading"))),
        NftChain.base("nat-prerouting", "nat", "prerouting", "dstnat",
            List.of(fixed("jump " + SERVICES))),
        NftChain.regular(NODEPORT_ENDPOINTS_CHECK, List.of(fixed(
            "ip daddr @nodeport-ips meta l4proto . th dport vmap @no-endpoint-nodeports"))),
        new NftChain(REJECT_CHAIN, Optional.empty(), Optional.of(
            "helper for @no-endpoint-services / @no-endpoint-nodeports"),
            ImmutableList.of(fixed("reject"))),
        NftChain.regular(SERVICES, List.of(
            fixed("ip daddr . meta l4proto . th dport vmap @service-ips"),
            fixed("ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports"))),
        NftChain.regular(SERVICE_ENDPOINTS_CHECK, List.of(
            fixed("ip daddr . meta l4proto . th dport vmap @no-endpoint-services"))));
  }
}
