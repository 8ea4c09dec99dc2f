/**
 * Address management, below everything that hands out or uses addresses. Start here: {@link
 * io.kubenetsim.core.ipam.CidrSet} (node IPAM's per-node subnets, the range allocator's cursor)
 * and {@link io.kubenetsim.core.ipam.HostLocalIpam} (CNI {@code host-local} pod IPs within a
 * node's subnet). Used by the node IPAM controller and the kubelets; nothing here knows about
 * either.
 */
package io.kubenetsim.core.ipam;
