/**
 * What kube-apiserver allocates for Services. Start here: {@link
 * io.kubenetsim.core.store.alloc.ServiceStrategy} (defaulting, family check, allocation, in
 * upstream's order), {@link io.kubenetsim.core.store.alloc.ServiceAllocator} (the staged
 * transaction, {@code AllocationTransaction}), {@code ServiceClusterIps} (one ClusterIP per
 * entry of {@code ipFamilies}; upgrade and downgrade on update), {@link
 * io.kubenetsim.core.store.alloc.ClusterIpAllocator} (every range, allocated per family) and
 * {@link io.kubenetsim.core.store.alloc.NodePortAllocator} (bitmaps with static and dynamic
 * bands), {@link io.kubenetsim.core.store.alloc.ServiceCidrStrategy} (ServiceCIDR objects as
 * ranges; one of a family {@code --service-cluster-ip-range} lacks is kept but serves no
 * Service, as upstream builds allocators only for the flag's families).
 */
package io.kubenetsim.core.store.alloc;
