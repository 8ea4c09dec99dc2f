package io.kubenetsim.core.proxy.iptables;

/**
 * One node's compiled kube-proxy rules: the {@code nat} table (DNAT, masquerade marks) and the
 * {@code filter} table (REJECT/DROP for unusable services, the load-balancer firewall).
 * Immutable, so every packet on the node can share it.
 */
public record IptablesRules(Table nat, Table filter) {}
