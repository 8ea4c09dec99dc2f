/**
 * The pod network. Start here: {@link io.kubenetsim.core.net.Dataplane} (a connection's first
 * packet: the cloud load balancer's hop, the entry node's kube-proxy rules as that node last
 * synced them, then delivery), {@link io.kubenetsim.core.net.PodAddresses} (which pod holds
 * which IP now), and package-private helpers: {@code NodeAddresses} (which node holds an
 * address, and its hostNetwork pods), {@code CloudLoadBalancer} (source ranges, health
 * checks, the hop to a node's NodePort), {@code PolicyGate} (NetworkPolicy's checks after DNAT,
 * from the engine in {@code core.policy}), {@code Deliverer} (what answers at an address, as
 * a {@code Delivery}) and {@code Attempt} (a connection's facts as one value, behind {@code
 * SimConnection}; its explanation is written when first read), {@code FamilyGate} (an IPv6
 * end is unreachable: pods and nodes are IPv4-only). DNS as traffic:
 * {@link io.kubenetsim.core.net.DnsTraffic} (a query is a UDP datagram to port 53, answered by
 * the CoreDNS process or outside resolver it reached; lookups and connections by name), {@link
 * io.kubenetsim.core.net.CoreDnsForwarding} (a CoreDNS pod's {@code forward}, as traffic) and
 * {@code NamedConnection} (the lookup's queries as a connection's first hops).
 * Address allocation lives below, in {@code core.ipam}.
 */
package io.kubenetsim.core.net;
