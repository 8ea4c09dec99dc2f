/**
 * The pod network's address management: {@link io.kubenetsim.core.net.CidrSet} (node IPAM's
 * per-node subnets) and {@link io.kubenetsim.core.net.HostLocalIpam} (CNI host-local pod IPs).
 * The dataplane (routing, kube-proxy, policy) will grow here.
 */
package io.kubenetsim.core.net;
