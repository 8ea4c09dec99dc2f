/**
 * The pod network. Start here: {@link io.kubenetsim.core.net.Dataplane} (a connection's first
 * packet: the cloud load balancer's hop, the entry node's kube-proxy rules as that node last
 * synced them, then delivery), {@link io.kubenetsim.core.net.PodAddresses} (which pod holds
 * which IP now) and the package-private {@code Deliverer} (what answers at an address).
 * Address allocation lives below, in {@code core.ipam}.
 */
package io.kubenetsim.core.net;
