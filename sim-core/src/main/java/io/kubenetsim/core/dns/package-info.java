/**
 * Cluster DNS: what a CoreDNS process answers (the server side) and, in the stub resolver
 * files ({@code StubResolver*}, {@code SearchList*}), how a pod's resolver asks. No traffic
 * here: {@code core.net}'s {@code DnsTraffic} carries questions as UDP through the simulated
 * network to the process the datagram reached.
 *
 * <p>Start here: {@link io.kubenetsim.core.dns.KubernetesZone} (the kubernetes plugin's
 * caches: Services, EndpointSlices, pods and namespaces through lagging informers, indexed
 * per object, SOA serial from the virtual clock, a {@code synced} flag), {@link
 * io.kubenetsim.core.dns.Corefile} (parses CoreDNS's Corefile into {@code ServerBlock}s of
 * typed {@code Directive}s, or a typed {@link io.kubenetsim.core.dns.CorefileError}:
 * {@code Invalid} with CoreDNS's message, {@code Unmodelled} naming what is simulated; {@code
 * kubeadm(domain)} gives kubeadm's default), {@link io.kubenetsim.core.dns.CoreDnsServer} (one
 * process: picks the server block, runs its plugin chain), {@link
 * io.kubenetsim.core.dns.Upstream} (where {@code forward} sends questions) and {@link
 * io.kubenetsim.core.dns.StaticZone} (a fixed zone's records, an {@code Upstream}). At run
 * time: {@link io.kubenetsim.core.dns.CoreDnsFleet} (the processes in the coredns pods, their
 * Corefile from the {@code kube-system/coredns} ConfigMap, reloads), {@link
 * io.kubenetsim.core.dns.CorefileAdmission} (refuses an unmodelled Corefile on write) and
 * {@link io.kubenetsim.core.dns.InternetDns} (the outside world, from UpstreamZone objects).
 *
 * <p>Package-private parts, in the order a Corefile flows: {@code CorefileLexer} and {@code
 * CorefileStructure} (caddy's tokens and blocks), {@code CorefileCursor} (caddy's dispenser),
 * the per-plugin setups ({@code KubernetesSetup}, {@code ForwardSetup}, {@code HostsSetup},
 * {@code RewriteSetup}, {@code PassiveSetup}) producing {@code KubernetesOptions} and {@code
 * Directive}s; then, per question, the {@code DnsPlugin}s: {@code RewritePlugin}, {@code
 * HostsPlugin}, {@code KubernetesPlugin} (record types over {@code KubernetesAnswers}, which
 * asks {@code KubernetesBackend} for the items a {@code RecordRequest} names — upstream's
 * {@code msg.Service}s, here {@code Target}s in a {@code Found}) and {@code ForwardPlugin}. The
 * zone's per-object entries are {@code ZoneService}, {@code ZoneSlice}, {@code ZoneEndpoint},
 * {@code ZonePort} and the merged {@code ServiceEndpoints}; the common answers (A/AAAA of a
 * Service) are precomputed there.
 *
 * <p>Modelled on coredns's {@code plugin/kubernetes}, {@code plugin/forward}, {@code
 * plugin/hosts}, {@code plugin/rewrite} and {@code core/dnsserver}, and on kubernetes/dns's
 * {@code docs/specification.md}; the classes cite the functions they follow and say where
 * they simplify.
 */
package io.kubenetsim.core.dns;
