/**
 * kube-proxy's iptables mode. Start here: {@link io.kubenetsim.core.proxy.iptables.IptablesBackend}
 * ties together {@link io.kubenetsim.core.proxy.iptables.IptablesRuleCompiler} (a {@code
 * ProxySnapshot} to nat and filter {@link io.kubenetsim.core.proxy.iptables.Table}s, as upstream
 * {@code syncProxyRules}), {@link io.kubenetsim.core.proxy.iptables.IptablesTracer} (a linear
 * walk of the rules for one packet, as upstream's {@code tracePacket}) and {@link
 * io.kubenetsim.core.proxy.iptables.IptablesDump} ({@code iptables-save} text). The rule model
 * is {@link io.kubenetsim.core.proxy.iptables.Rule}, {@link
 * io.kubenetsim.core.proxy.iptables.Match}, {@link io.kubenetsim.core.proxy.iptables.Target} and
 * {@link io.kubenetsim.core.proxy.iptables.Chain}; chain names come from {@link
 * io.kubenetsim.core.proxy.iptables.ChainNames}.
 */
package io.kubenetsim.core.proxy.iptables;
