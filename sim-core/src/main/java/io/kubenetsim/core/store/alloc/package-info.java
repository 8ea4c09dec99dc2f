/**
 * What kube-apiserver allocates for Services. Start here: {@link
 * io.kubenetsim.core.store.alloc.ServiceStrategy} (defaulting, family check, allocation, in
 * upstream's order), {@link io.kubenetsim.core.store.alloc.ServiceAllocator} (the staged
 * transaction), {@link io.kubenetsim.core.store.alloc.ClusterIpAllocator} and {@link
 * io.kubenetsim.core.store.alloc.NodePortAllocator} (bitmaps with static and dynamic bands),
 * {@link io.kubenetsim.core.store.alloc.ServiceCidrStrategy} (ServiceCIDR objects as ranges).
 */
package io.kubenetsim.core.store.alloc;
