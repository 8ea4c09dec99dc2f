package io.kubenetsim.core.proxy.nftables;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxySnapshot;
import io.kubenetsim.core.proxy.ProxySnapshot.Key;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import java.util.Locale;

/**
 * One node's {@code ip kube-proxy} table as of one sync, as upstream {@code
 * pkg/proxy/nftables/proxier.go} {@code syncProxyRules} writes it: sets, verdict maps and chains
 * in a defined order (for {@link NftablesRenderer}), plus hash indexes over the maps' keys so
 * that {@link NftablesEvaluator} does what the kernel does — one lookup per map, whatever the
 * number of services. Built by {@link NftablesCompiler}; immutable.
 */
public final class NftablesRuleset {
  /** The address used in the keys of the {@code proto . port} maps. */
  static final IpAddress ANY = IpAddress.ipv4(0);

  private final ProxySnapshot snapshot;
  private final NodeContext node;
  /** The shared table's sets; a node's view replaces {@code nodeport-ips} on the way out. */
  private final ImmutableList<NftSet> sharedSets;
  private ImmutableList<NftSet> sets;
  private final ImmutableList<NftChain> chains;
  private final ImmutableMap<String, NftChain> chainsByName;
  private final ImmutableSet<IpAddress> clusterIPs;
  private final ImmutableSet<IpAddress> nodePortIPs;
  // The verdict maps and fixed rules the evaluator reads for every packet, found by name once
  // per table; the maps are hash indexes over their elements' keys.
  final NftablesFixedRules fixed;
  final ImmutableMap<Key, NftElement> firewallIps;
  final ImmutableMap<Key, NftElement> serviceIps;
  final ImmutableMap<Key, NftElement> serviceNodePorts;
  final ImmutableMap<Key, NftElement> noEndpointServices;
  final ImmutableMap<Key, NftElement> noEndpointNodePorts;

  NftablesRuleset(ProxySnapshot snapshot, NodeContext node, ImmutableList<NftSet> sets,
      ImmutableList<NftChain> chains, ImmutableMap<String, ImmutableMap<Key, NftElement>> maps,
      ImmutableSet<IpAddress> clusterIPs, ImmutableSet<IpAddress> nodePortIPs) {
    this.snapshot = snapshot;
    this.node = node;
    this.sharedSets = sets;
    this.sets = sets;
    this.chains = chains;
    this.chainsByName = chains.stream()
        .collect(ImmutableMap.toImmutableMap(NftChain::name, c -> c));
    this.clusterIPs = clusterIPs;
    this.nodePortIPs = nodePortIPs;
    this.fixed = NftablesFixedRules.of(this::chain);
    this.firewallIps = maps.get(NftablesCompiler.FIREWALL_IPS);
    this.serviceIps = maps.get(NftablesCompiler.SERVICE_IPS);
    this.serviceNodePorts = maps.get(NftablesCompiler.SERVICE_NODEPORTS);
    this.noEndpointServices = maps.get(NftablesCompiler.NO_ENDPOINT_SERVICES);
    this.noEndpointNodePorts = maps.get(NftablesCompiler.NO_ENDPOINT_NODEPORTS);
  }

  private NftablesRuleset(NftablesRuleset shared, NodeContext node,
      ImmutableSet<IpAddress> nodePortIPs) {
    this.snapshot = shared.snapshot;
    this.node = node;
    this.sharedSets = shared.sharedSets;
    this.chains = shared.chains;
    this.chainsByName = shared.chainsByName;
    this.clusterIPs = shared.clusterIPs;
    this.nodePortIPs = nodePortIPs;
    this.fixed = shared.fixed;
    this.firewallIps = shared.firewallIps;
    this.serviceIps = shared.serviceIps;
    this.serviceNodePorts = shared.serviceNodePorts;
    this.noEndpointServices = shared.noEndpointServices;
    this.noEndpointNodePorts = shared.noEndpointNodePorts;
  }

  /**
   * {@return this table as another node has it}: the same sets, maps and chains (the caller
   * has checked that nothing in them depends on the node), with that node's addresses and
   * {@code nodeport-ips}. Costs no copy of the table.
   */
  NftablesRuleset forNode(NodeContext other) {
    return new NftablesRuleset(this, other, NftablesCompiler.nodePortIPs(other));
  }

  /** {@return the snapshot this table was compiled from} */
  public ProxySnapshot snapshot() {
    return snapshot;
  }

  /** {@return the node this table was compiled for} */
  public NodeContext node() {
    return node;
  }

  /** {@return sets and maps, in dump order} */
  public ImmutableList<NftSet> sets() {
    if (sets == null) {
      sets = sharedSets.stream().map(set -> set.name().equals(NftablesCompiler.NODEPORT_IPS)
          ? NftablesCompiler.nodePortIpSet(nodePortIPs) : set)
          .collect(ImmutableList.toImmutableList());
    }
    return sets;
  }

  /** {@return chains, in dump order} */
  public ImmutableList<NftChain> chains() {
    return chains;
  }

  /** {@return the chain with this name} */
  public NftChain chain(String name) {
    NftChain chain = chainsByName.get(name);
    if (chain == null) {
      throw new IllegalStateException("no chain " + name + " in ip kube-proxy");
    }
    return chain;
  }

  /** {@return whether an address is in the {@code cluster-ips} set} */
  public boolean isClusterIP(IpAddress ip) {
    return clusterIPs.contains(ip);
  }

  /** {@return whether an address is in the {@code nodeport-ips} set} */
  public boolean isNodePortIP(IpAddress ip) {
    return nodePortIPs.contains(ip);
  }

  /** {@return whether an address lies in a service CIDR ({@code cluster-ips-check} drop)} */
  public boolean inServiceCidrs(IpAddress ip) {
    for (Cidr cidr : node.serviceCidrs()) {
      if (cidr.contains(ip)) {
        return true;
      }
    }
    return false;
  }

  /** {@return a map key as {@code nft} prints it: {@code 172.30.0.41 . tcp . 80}} */
  static String keyText(Key key) {
    String rest = key.protocol().name().toLowerCase(Locale.ROOT) + " . " + key.port();
    return key.address().equals(ANY) ? rest : key.address() + " . " + rest;
  }

  /** {@return the anonymous set of service CIDRs as upstream joins them: {@code { a,b }}} */
  static String serviceCidrText(NodeContext node) {
    return "{ " + String.join(",", node.serviceCidrs().stream().map(Cidr::toString).toList())
        + " }";
  }
}
