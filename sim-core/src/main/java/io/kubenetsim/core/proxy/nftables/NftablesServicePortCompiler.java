package io.kubenetsim.core.proxy.nftables;

import static io.kubenetsim.core.proxy.nftables.NftablesCompiler.FIREWALL_IPS;
import static io.kubenetsim.core.proxy.nftables.NftablesCompiler.NO_ENDPOINT_NODEPORTS;
import static io.kubenetsim.core.proxy.nftables.NftablesCompiler.NO_ENDPOINT_SERVICES;
import static io.kubenetsim.core.proxy.nftables.NftablesCompiler.SERVICE_IPS;
import static io.kubenetsim.core.proxy.nftables.NftablesCompiler.SERVICE_NODEPORTS;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.proxy.EndpointSelection;
import io.kubenetsim.core.proxy.ProxyDecision.Entry;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ProxySnapshot.Key;
import io.kubenetsim.core.proxy.ServicePortInfo;
import io.kubenetsim.core.proxy.ServicePortName;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service port's part of the table, following the loop body of upstream {@code
 * pkg/proxy/nftables/proxier.go} {@code syncProxyRules}: which policy chains are used, the
 * {@code cluster-ips} / {@code service-ips} / {@code service-nodeports} / {@code firewall-ips}
 * elements, the no-endpoint elements ({@code goto reject-chain} without any endpoint, {@code drop}
 * when a Local policy has no local endpoint), the external chain's masquerade and short-circuit
 * rules, {@code writeServiceToEndpointRules} (affinity checks then {@code numgen}), and the
 * endpoint chains (hairpin masquerade, affinity update, DNAT).
 */
final class NftablesServicePortCompiler {
  private final NftablesCompiler table;
  private final ServicePortInfo port;
  private final ServicePortName name;
  private final String protocol;
  private final boolean affinity;
  private final List<ProxyEndpoint> clusterEndpoints;
  private final List<ProxyEndpoint> localEndpoints;

  NftablesServicePortCompiler(NftablesCompiler table, ServicePortInfo port,
      EndpointSelection selection) {
    this.table = table;
    this.port = port;
    this.name = port.name();
    this.protocol = name.protocolLowerCase();
    this.affinity = port.affinityTimeout().isPresent();
    boolean external = externallyAccessible(port);
    // ServicePort.UsesClusterEndpoints / UsesLocalEndpoints
    this.clusterEndpoints = !port.internalLocal() || external ? selection.cluster() : List.of();
    this.localEndpoints = port.internalLocal() || (port.externalLocal() && external)
        ? selection.local() : List.of();
  }

  static boolean externallyAccessible(ServicePortInfo port) {
    return port.nodePort() > 0 || !port.externalIPs().isEmpty()
        || !port.loadBalancerIPs().isEmpty();
  }

  /**
   * Writes the port's elements, affinity sets and chains into the table, in upstream's order.
   * The chains are built first so that map elements and {@code goto} rules can hold the chains
   * they jump to; they join the table after the elements, as upstream writes them.
   */
  void compile() {
    boolean hasEndpoints = port.hasEndpoints();
    boolean hasInternal = hasEndpoints && (!port.internalLocal() || !localEndpoints.isEmpty());
    boolean hasExternal = hasEndpoints && (!port.externalLocal() || !localEndpoints.isEmpty());
    boolean usesExternalChain = hasEndpoints && externallyAccessible(port);
    boolean usesFirewall = !port.loadBalancerIPs().isEmpty()
        && !port.loadBalancerSourceRanges().isEmpty();
    List<ProxyEndpoint> reachable = NftablesCompiler.union(clusterEndpoints, localEndpoints);
    Map<HostPort, NftChain> endpointChains = new HashMap<>();
    for (ProxyEndpoint endpoint : reachable) {
      endpointChains.put(endpoint.address(), NftChain.regular(
          NftablesChainNames.endpoint(name, endpoint), endpointRules(endpoint)));
    }
    String clusterName = NftablesChainNames.service(name);
    String localName = NftablesChainNames.local(name);
    String internalName = port.internalLocal() ? localName : clusterName;
    NftChain cluster = clusterEndpoints.isEmpty() ? null : NftChain.regular(clusterName,
        policyRules(clusterName, internalName, hasInternal, clusterEndpoints, endpointChains));
    NftChain local = localEndpoints.isEmpty() ? null : NftChain.regular(localName,
        policyRules(localName, internalName, hasInternal, localEndpoints, endpointChains));
    NftChain external = usesExternalChain ? NftChain.regular(NftablesChainNames.external(name),
        externalRules(cluster, port.externalLocal() ? local : cluster, hasExternal)) : null;
    NftChain firewall = usesFirewall ? NftChain.regular(NftablesChainNames.firewall(name),
        List.of(firewallRule())) : null;

    String verdict = hasEndpoints ? "drop" : "goto reject-chain";
    table.clusterIPs.putIfAbsent(port.clusterIP(), new NftElement(port.clusterIP().toString(),
        "", Optional.empty(), Optional.of(port), Entry.CLUSTER_IP));
    Key clusterKey = new Key(port.clusterIP(), name.protocol(), port.port());
    if (hasInternal) {
      table.element(SERVICE_IPS, clusterKey, port.internalLocal() ? local : cluster, port,
          Entry.CLUSTER_IP);
    } else {
      table.element(NO_ENDPOINT_SERVICES, clusterKey, verdict, port, Entry.CLUSTER_IP, true);
    }
    addressElements(port.externalIPs(), Entry.EXTERNAL_IP, hasEndpoints, hasExternal, external,
        verdict);
    addressElements(port.loadBalancerIPs(), Entry.LOAD_BALANCER, hasEndpoints, hasExternal,
        external, verdict);
    if (usesFirewall) {
      for (IpAddress ip : port.loadBalancerIPs()) {
        table.element(FIREWALL_IPS, new Key(ip, name.protocol(), port.port()), firewall, port,
            Entry.LOAD_BALANCER);
      }
    }
    if (port.nodePort() > 0) {
      Key key = new Key(NftablesRuleset.ANY, name.protocol(), port.nodePort());
      if (hasEndpoints) {
        table.element(SERVICE_NODEPORTS, key, external, port, Entry.NODE_PORT);
      }
      if (!hasExternal) {
        table.element(NO_ENDPOINT_NODEPORTS, key, verdict, port, Entry.NODE_PORT, true);
      }
    }

    if (affinity) {
      String timeout = NftablesCompiler.nftDuration(port.affinityTimeout().get().toSeconds());
      for (ProxyEndpoint endpoint : reachable) {
        table.affinitySets.add(new NftSet("set", NftablesChainNames.affinity(name, endpoint),
            "ipv4_addr", "dynamic,timeout", Optional.of(timeout), Optional.empty(),
            ImmutableList.of()));
      }
    }
    for (NftChain chain : Arrays.asList(cluster, external, local)) {
      if (chain != null) {
        table.chains.add(chain);
      }
    }
    for (ProxyEndpoint endpoint : reachable) {
      table.chains.add(endpointChains.get(endpoint.address()));
    }
    if (firewall != null) {
      table.chains.add(firewall);
    }
  }

  private void addressElements(List<IpAddress> addresses, Entry entry, boolean hasEndpoints,
      boolean hasExternal, NftChain external, String verdict) {
    for (IpAddress ip : addresses) {
      Key key = new Key(ip, name.protocol(), port.port());
      if (hasEndpoints) {
        table.element(SERVICE_IPS, key, external, port, entry);
      }
      if (!hasExternal) {
        table.element(NO_ENDPOINT_SERVICES, key, verdict, port, entry, true);
      }
    }
  }

  /** The internal-traffic masquerade rule (on the internal chain) and the endpoint dispatch. */
  private List<NftRule> policyRules(String chain, String internalChain, boolean hasInternal,
      List<ProxyEndpoint> endpoints, Map<HostPort, NftChain> endpointChains) {
    List<NftRule> rules = new ArrayList<>();
    // As in iptables mode: no masquerade rule for off-cluster traffic without a detector.
    if (hasInternal && chain.equals(internalChain)) {
      if (table.node.config().masqueradeAll()) {
        rules.add(NftRule.masqueradeAll(port.clusterIP()));
      } else {
        table.node.localTraffic().ifPresent(pods ->
            rules.add(NftRule.masqueradeOffCluster(port.clusterIP(), pods)));
      }
    }
    List<NftChain> targets = new ArrayList<>(endpoints.size());
    for (ProxyEndpoint endpoint : endpoints) {
      targets.add(endpointChains.get(endpoint.address()));
    }
    if (affinity) {
      for (int i = 0; i < endpoints.size(); i++) {
        rules.add(NftRule.affinityCheck(NftablesChainNames.affinity(name, endpoints.get(i)),
            targets.get(i), endpoints.get(i)));
      }
    }
    rules.add(NftRule.numgen(targets, endpoints));
    return rules;
  }

  /**
   * The external chain: masquerade, or for a Local policy the short-circuits of pod and local
   * traffic to the cluster chain, then the jump to the policy's chain.
   */
  private List<NftRule> externalRules(NftChain cluster, NftChain policy, boolean hasExternal) {
    List<NftRule> rules = new ArrayList<>();
    if (!port.externalLocal()) {
      rules.add(NftRule.masquerade());
    } else {
      table.node.localTraffic().ifPresent(pods ->
          rules.add(NftRule.gotoIfPod(pods, cluster)));
      rules.add(NftRule.masqueradeLocal());
      rules.add(NftRule.gotoIfLocal(cluster));
    }
    if (hasExternal) {
      rules.add(NftRule.gotoChain(policy));
    }
    return rules;
  }

  private List<NftRule> endpointRules(ProxyEndpoint endpoint) {
    List<NftRule> rules = new ArrayList<>();
    rules.add(NftRule.masqueradeHairpin(endpoint.ip()));
    if (affinity) {
      rules.add(NftRule.updateAffinity(NftablesChainNames.affinity(name, endpoint)));
    }
    rules.add(NftRule.dnat(protocol, endpoint));
    return rules;
  }

  private NftRule firewallRule() {
    List<Cidr> allowed = new ArrayList<>(port.loadBalancerSourceRanges());
    List<String> texts = new ArrayList<>(allowed.stream().map(Cidr::toString).toList());
    if (allowed.stream().anyMatch(c -> c.contains(table.node.primaryIP()))) {
      for (IpAddress ip : port.loadBalancerIPs()) {
        allowed.add(NftRule.host(ip));
        texts.add(ip.toString());
      }
    }
    return NftRule.firewall(allowed, texts);
  }
}
