package io.kubenetsim.core.proxy.nftables;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.kubenetsim.core.proxy.EndpointSelection;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxyDecision.Entry;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ProxySnapshot;
import io.kubenetsim.core.proxy.ProxySnapshot.Key;
import io.kubenetsim.core.proxy.ServicePortInfo;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles a node's {@link NftablesRuleset} from a {@link ProxySnapshot}: the fixed chains of
 * {@link NftablesBaseChains}, then, per service port in name order, the map elements and chains
 * upstream {@code pkg/proxy/nftables/proxier.go} {@code syncProxyRules} writes (see {@link
 * NftablesServicePortCompiler}). The {@code nodeport-ips} set holds the addresses {@code
 * --nodeport-addresses} allows; empty or {@code primary} means the node's primary IP (the
 * nftables default); loopback never.
 */
public final class NftablesCompiler {
  static final String SERVICE_IPS = "service-ips";
  static final String SERVICE_NODEPORTS = "service-nodeports";
  static final String NO_ENDPOINT_SERVICES = "no-endpoint-services";
  static final String NO_ENDPOINT_NODEPORTS = "no-endpoint-nodeports";
  static final String FIREWALL_IPS = "firewall-ips";
  static final String NODEPORT_IPS = "nodeport-ips";

  private static final String TUPLE = "ipv4_addr . inet_proto . inet_service : verdict";
  private static final String PORT_TUPLE = "inet_proto . inet_service : verdict";

  final NodeContext node;
  final Map<String, Map<Key, NftElement>> maps = new LinkedHashMap<>();
  final Map<IpAddress, NftElement> clusterIPs = new LinkedHashMap<>();
  final List<NftSet> affinitySets = new ArrayList<>();
  final List<NftChain> chains = new ArrayList<>();

  private NftablesCompiler(NodeContext node) {
    this.node = node;
    for (String map : List.of(FIREWALL_IPS, NO_ENDPOINT_NODEPORTS, NO_ENDPOINT_SERVICES,
        SERVICE_IPS, SERVICE_NODEPORTS)) {
      maps.put(map, new LinkedHashMap<>());
    }
  }

  /** {@return the node's table for this snapshot} */
  public static NftablesRuleset compile(ProxySnapshot snapshot, NodeContext node) {
    NftablesCompiler compiler = new NftablesCompiler(node);
    compiler.chains.addAll(NftablesBaseChains.chains(node));
    for (ServicePortInfo port : snapshot.ports()) {
      new NftablesServicePortCompiler(compiler, port,
          EndpointSelection.of(port, node.nodeName())).compile();
    }
    return compiler.build(snapshot);
  }

  /** {@return the addresses of the {@code nodeport-ips} set} */
  static ImmutableSet<IpAddress> nodePortIPs(NodeContext node) {
    Set<IpAddress> result = new LinkedHashSet<>();
    List<String> configured = node.config().nodePortAddresses();
    if (configured.isEmpty() || configured.contains("primary")) {
      result.add(node.primaryIP());
    }
    for (String text : configured) {
      Cidr.tryParse(text).ifPresent(cidr -> node.nodeIPs().stream()
          .filter(ip -> ip.family() == IpFamily.IPV4 && cidr.contains(ip))
          .filter(ip -> !Cidr.parse("127.0.0.0/8").contains(ip))
          .forEach(result::add));
    }
    return ImmutableSet.copyOf(result);
  }

  /** {@return the {@code nodeport-ips} set of these addresses} */
  static NftSet nodePortIpSet(ImmutableSet<IpAddress> nodePortIPs) {
    return new NftSet("set", NODEPORT_IPS, "ipv4_addr", "", Optional.empty(),
        Optional.of("IPs that accept NodePort traffic"), nodePortIPs.stream()
            .map(ip -> new NftElement(ip.toString(), "", Optional.empty(), Optional.empty(),
                Entry.NODE_PORT)).collect(ImmutableList.toImmutableList()));
  }

  /** Adds an element whose verdict ends the walk ({@code drop}, {@code goto reject-chain}). */
  void element(String map, Key key, String verdict, ServicePortInfo port, Entry entry,
      boolean comment) {
    maps.get(map).putIfAbsent(key, new NftElement(NftablesRuleset.keyText(key), verdict,
        comment ? Optional.of(port.name().name()) : Optional.empty(), Optional.of(port), entry));
  }

  /** Adds an element whose verdict is {@code goto <target>}. */
  void element(String map, Key key, NftChain target, ServicePortInfo port, Entry entry) {
    maps.get(map).putIfAbsent(key, NftElement.goTo(NftablesRuleset.keyText(key), target, port,
        entry));
  }

  private NftablesRuleset build(ProxySnapshot snapshot) {
    ImmutableSet<IpAddress> nodePortIPs = nodePortIPs(node);
    List<NftSet> sets = new ArrayList<>();
    sets.add(new NftSet("set", "cluster-ips", "ipv4_addr", "", Optional.empty(),
        Optional.of("Active ClusterIPs"), ImmutableList.copyOf(clusterIPs.values())));
    sets.add(nodePortIpSet(nodePortIPs));
    Map<String, String> comments = Map.of(
        FIREWALL_IPS, "destinations that are subject to LoadBalancerSourceRanges",
        NO_ENDPOINT_NODEPORTS,
        "vmap to drop or reject packets to service nodeports with no endpoints",
        NO_ENDPOINT_SERVICES, "vmap to drop or reject packets to services with no endpoints",
        SERVICE_IPS, "ClusterIP, ExternalIP and LoadBalancer IP traffic",
        SERVICE_NODEPORTS, "NodePort traffic");
    ImmutableMap.Builder<String, ImmutableMap<Key, NftElement>> frozen = ImmutableMap.builder();
    maps.forEach((name, elements) -> {
      boolean byPort = name.equals(NO_ENDPOINT_NODEPORTS) || name.equals(SERVICE_NODEPORTS);
      sets.add(new NftSet("map", name, byPort ? PORT_TUPLE : TUPLE, "", Optional.empty(),
          Optional.of(comments.get(name)), ImmutableList.copyOf(elements.values())));
      frozen.put(name, ImmutableMap.copyOf(elements));
    });
    sets.addAll(affinitySets);
    return new NftablesRuleset(snapshot, node, ImmutableList.copyOf(sets),
        ImmutableList.copyOf(chains), frozen.build(), ImmutableSet.copyOf(clusterIPs.keySet()),
        nodePortIPs);
  }

  /** {@return a duration in seconds as {@code nft} prints it: {@code 3h}, {@code 1m30s}} */
  static String nftDuration(long seconds) {
    StringBuilder text = new StringBuilder();
    long[] units = {86400, 3600, 60, 1};
    String[] names = {"d", "h", "m", "s"};
    for (int i = 0; i < units.length; i++) {
      if (seconds >= units[i]) {
        text.append(seconds / units[i]).append(names[i]);
        seconds %= units[i];
      }
    }
    return text.length() == 0 ? "0s" : text.toString();
  }

  static ImmutableList<ProxyEndpoint> union(List<ProxyEndpoint> a, List<ProxyEndpoint> b) {
    Map<String, ProxyEndpoint> byHostPort = new java.util.TreeMap<>();
    a.forEach(e -> byHostPort.put(e.address().toString(), e));
    b.forEach(e -> byHostPort.put(e.address().toString(), e));
    return ImmutableList.copyOf(byHostPort.values());
  }
}
