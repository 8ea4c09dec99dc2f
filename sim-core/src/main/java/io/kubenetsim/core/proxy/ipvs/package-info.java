/**
 * kube-proxy's IPVS mode: one IPVS virtual server per service address, with round-robin
 * scheduling over real servers, plus the iptables rules and ipsets IPVS mode still installs for
 * masquerading and filtering. Modelled on upstream {@code pkg/proxy/ipvs/proxier.go}
 * ({@code syncProxyRules}, {@code syncEndpoint}, {@code writeIptablesRules}).
 *
 * <p>Start here: {@link io.kubenetsim.core.proxy.ipvs.IpvsBackend} (the {@code ProxyBackend});
 * {@link io.kubenetsim.core.proxy.ipvs.VirtualServer} (one {@code ipvsadm} service and its real
 * servers); {@link io.kubenetsim.core.proxy.ipvs.IpvsTable} (every virtual server of a node, and
 * the dump); {@link io.kubenetsim.core.proxy.ipvs.IpvsEvaluator} (the first packet of a flow, by
 * hash lookup, real servers from the service port's categorized endpoints, no text until
 * read; round-robin and persistence state keyed by {@code VirtualServer.key()}); {@link
 * io.kubenetsim.core.proxy.ipvs.IpvsIpsets} and
 * {@link io.kubenetsim.core.proxy.ipvs.IpvsIptablesRules} (the netfilter side).
 */
package io.kubenetsim.core.proxy.ipvs;
