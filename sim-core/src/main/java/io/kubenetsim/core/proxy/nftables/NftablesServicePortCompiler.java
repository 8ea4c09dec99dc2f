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
import io.kubenetsim.net.IpAddress;
import java.util.ArrayList;
import java.util.List;
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

  void compile() {
    String clusterChain = NftablesChainNames.service(name);
    String localChain = NftablesChainNames.local(name);
    String externalChain = NftablesChainNames.external(name);
    String firewallChain = NftablesChainNames.firewall(name);
    boolean hasEndpoints = port.hasEndpoints();
    String internalChain = port.internalLocal() ? localChain : clusterChain;
    boolean hasInternal = hasEndpoints && (!port.internalLocal() || !localEndpoints.isEmpty());
    String externalPolicyChain = port.externalLocal() ? localChain : clusterChain;
    boolean hasExternal = hasEndpoints && (!port.externalLocal() || !localEndpoints.isEmpty());
    boolean usesExternalChain = hasEndpoints && externallyAccessible(port);
    String internalVerdict = hasEndpoints ? "drop" : "goto reject-chain";
    String externalVerdict = internalVerdict;
    int servicePort = port.port();

    table.clusterIPs.putIfAbsent(port.clusterIP(), new NftElement(port.clusterIP().toString(),
        "", Optional.empty(), Optional.of(port), Entry.CLUSTER_IP));
    Key clusterKey = new Key(port.clusterIP(), name.protocol(), servicePort);
    if (hasInternal) {
      table.element(SERVICE_IPS, clusterKey, "goto " + internalChain, port, Entry.CLUSTER_IP,
          false);
    } else {
      table.element(NO_ENDPOINT_SERVICES, clusterKey, internalVerdict, port, Entry.CLUSTER_IP,
          true);
    }
    addressElements(port.externalIPs(), Entry.EXTERNAL_IP, hasEndpoints, hasExternal,
        externalChain, externalVerdict);
    boolean usesFirewall = !port.loadBalancerIPs().isEmpty()
        && !port.loadBalancerSourceRanges().isEmpty();
    addressElements(port.loadBalancerIPs(), Entry.LOAD_BALANCER, hasEndpoints, hasExternal,
        externalChain, externalVerdict);
    if (usesFirewall) {
      for (IpAddress ip : port.loadBalancerIPs()) {
        table.element(FIREWALL_IPS, new Key(ip, name.protocol(), servicePort),
            "goto " + firewallChain, port, Entry.LOAD_BALANCER, false);
      }
    }
    if (port.nodePort() > 0) {
      Key key = new Key(NftablesRuleset.ANY, name.protocol(), port.nodePort());
      if (hasEndpoints) {
        table.element(SERVICE_NODEPORTS, key, "goto " + externalChain, port, Entry.NODE_PORT,
            false);
      }
      if (!hasExternal) {
        table.element(NO_ENDPOINT_NODEPORTS, key, externalVerdict, port, Entry.NODE_PORT, true);
      }
    }

    List<ProxyEndpoint> reachable = NftablesCompiler.union(clusterEndpoints, localEndpoints);
    if (affinity) {
      String timeout = NftablesCompiler.nftDuration(port.affinityTimeout().get().toSeconds());
      for (ProxyEndpoint endpoint : reachable) {
        table.affinitySets.add(new NftSet("set", NftablesChainNames.affinity(name, endpoint),
            "ipv4_addr", "dynamic,timeout", Optional.of(timeout), Optional.empty(),
            ImmutableList.of()));
      }
    }
    if (!clusterEndpoints.isEmpty()) {
      table.chains.add(NftChain.regular(clusterChain, policyRules(clusterChain, internalChain,
          hasInternal, clusterEndpoints)));
    }
    if (usesExternalChain) {
      table.chains.add(NftChain.regular(externalChain,
          externalRules(clusterChain, externalPolicyChain, hasExternal)));
    }
    if (!localEndpoints.isEmpty()) {
      table.chains.add(NftChain.regular(localChain, policyRules(localChain, internalChain,
          hasInternal, localEndpoints)));
    }
    for (ProxyEndpoint endpoint : reachable) {
      table.chains.add(NftChain.regular(NftablesChainNames.endpoint(name, endpoint),
          endpointRules(endpoint)));
    }
    if (usesFirewall) {
      table.chains.add(NftChain.regular(firewallChain, List.of(firewallRule())));
    }
  }

  private void addressElements(List<IpAddress> addresses, Entry entry, boolean hasEndpoints,
      boolean hasExternal, String externalChain, String verdict) {
    for (IpAddress ip : addresses) {
      Key key = new Key(ip, name.protocol(), port.port());
      if (hasEndpoints) {
        table.element(SERVICE_IPS, key, "goto " + externalChain, port, entry, false);
      }
      if (!hasExternal) {
        table.element(NO_ENDPOINT_SERVICES, key, verdict, port, entry, true);
      }
    }
  }

  /** The internal-traffic masquerade rule (on the internal chain) and the endpoint dispatch. */
  private List<NftRule> policyRules(String chain, String internalChain, boolean hasInternal,
      List<ProxyEndpoint> endpoints) {
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
    List<String> targets = endpoints.stream()
        .map(e -> NftablesChainNames.endpoint(name, e)).toList();
    if (affinity) {
      for (int i = 0; i < endpoints.size(); i++) {
        rules.add(NftRule.affinityCheck(NftablesChainNames.affinity(name, endpoints.get(i)),
            targets.get(i), endpoints.get(i)));
      }
    }
    rules.add(NftRule.numgen(targets, endpoints));
    return rules;
  }

  private List<NftRule> externalRules(String clusterChain, String policyChain,
      boolean hasExternal) {
    List<NftRule> rules = new ArrayList<>();
    if (!port.externalLocal()) {
      rules.add(NftRule.masquerade());
    } else {
      table.node.localTraffic().ifPresent(pods ->
          rules.add(NftRule.gotoIfPod(pods, clusterChain)));
      rules.add(NftRule.masqueradeLocal());
      rules.add(NftRule.gotoIfLocal(clusterChain));
    }
    if (hasExternal) {
      rules.add(NftRule.gotoChain(policyChain));
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
