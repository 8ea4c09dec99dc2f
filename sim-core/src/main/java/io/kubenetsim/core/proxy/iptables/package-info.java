/**
 * kube-proxy's iptables mode. Start here: {@link io.kubenetsim.core.proxy.iptables.IptablesBackend}
 * ties together {@link io.kubenetsim.core.proxy.iptables.IptablesRuleCompiler} (a {@code
 * ProxySnapshot} to nat and filter tables, as upstream {@code syncProxyRules}), {@link
 * io.kubenetsim.core.proxy.iptables.IptablesTracer} (a linear walk of the rules for one packet,
 * as upstream's {@code tracePacket}) and {@link io.kubenetsim.core.proxy.iptables.IptablesDump}
 * ({@code iptables-save} text). The rule model is {@link
 * io.kubenetsim.core.proxy.iptables.Rule}, {@link io.kubenetsim.core.proxy.iptables.Match},
 * {@link io.kubenetsim.core.proxy.iptables.Target}, {@link
 * io.kubenetsim.core.proxy.iptables.Chain} and {@link io.kubenetsim.core.proxy.iptables.Table};
 * chain names come from {@link io.kubenetsim.core.proxy.iptables.ChainNames}.
 *
 * <p>Rules are compiled once per snapshot for all nodes ({@code SnapshotRules}): the chains
 * every service port shares, written by {@code ServiceEntryRules} with each rule's {@code
 * Presence} (some exist only on nodes with, or without, local endpoints) and packed into
 * primitive arrays for the walk ({@code PackedRules}); the last KUBE-SERVICES rules, which name
 * the node's addresses ({@code NodePortsJump}); and each service port's own chains ({@code
 * ServicePortRules}), compiled when a walk first enters them and shared by the nodes with the
 * same {@code PortVariant}. {@link io.kubenetsim.core.proxy.iptables.IptablesRules} is one
 * node's whole rule set, assembled from those parts for dumps.
 */
package io.kubenetsim.core.proxy.iptables;
