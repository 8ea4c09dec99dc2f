/**
 * Cluster DNS as data. Names: {@link io.kubenetsim.dns.DnsName} (absolute, compared without
 * case). Messages: {@link io.kubenetsim.dns.DnsQuestion}, {@link
 * io.kubenetsim.dns.ResourceRecord} with its typed {@link io.kubenetsim.dns.RecordData}, and
 * {@link io.kubenetsim.dns.DnsResponse} with its {@link io.kubenetsim.dns.Rcode} — printed as
 * {@code dig} prints them. A pod's side: {@link io.kubenetsim.dns.ResolvConf} (what the kubelet
 * writes to {@code /etc/resolv.conf}) and {@link io.kubenetsim.dns.DnsLookup} (one name resolved
 * by the pod's stub resolver: every query it sent, in order, and the answer it settled on).
 */
package io.kubenetsim.dns;
