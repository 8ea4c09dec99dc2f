/**
 * The pod network. Start here: {@link io.kubenetsim.core.net.Dataplane} (a connection's first
 * packet: the cloud load balancer's hop, the entry node's kube-proxy rules as that node last
 * synced them, then delivery), {@link io.kubenetsim.core.net.PodAddresses} (which pod holds
 * which IP now), and package-private helpers: {@code CloudLoadBalancer} (source ranges, health
 * checks, the hop to a node's NodePort), {@code PolicyGate} (NetworkPolicy's checks after DNAT,
 * from the engine in {@code core.policy}), {@code Deliverer} (what answers at an address) and
 * {@code Attempt} (a connection's facts as one value, behind {@code SimConnection}), {@code
 * FamilyGate} (an IPv6 end is unreachable: pods and nodes are IPv4-only).
 * Address allocation lives below, in {@code core.ipam}.
 */
package io.kubenetsim.core.net;
