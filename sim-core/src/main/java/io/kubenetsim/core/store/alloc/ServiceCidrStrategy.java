package io.kubenetsim.core.store.alloc;

import io.kubenetsim.core.store.WriteStrategy;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.ServiceCIDR;
import io.kubenetsim.net.Cidr;

/**
 * ServiceCIDR objects feed the ClusterIP allocator: a stored ServiceCIDR's ranges can be
 * allocated from; a deleted one's cannot (addresses already handed out stay valid).
 *
 * <p>Simplification: upstream keeps a ServiceCIDR with addresses in use alive with a
 * finalizer until they are released; here deletion is immediate.
 */
public final class ServiceCidrStrategy implements WriteStrategy {
  private final ClusterIpAllocator allocator;

  public ServiceCidrStrategy(ClusterIpAllocator allocator) {
    this.allocator = allocator;
  }

  @Override
  public Prepared prepareCreate(KubernetesObject object) {
    return new Prepared(object, () -> addRanges((ServiceCIDR) object), () -> { });
  }

  @Override
  public Prepared prepareUpdate(KubernetesObject stored, KubernetesObject updated) {
    return Prepared.of(updated);
  }

  @Override
  public void deleted(KubernetesObject object) {
    ((ServiceCIDR) object).cidrs().forEach(c -> Cidr.tryParse(c)
        .ifPresent(allocator::removeRange));
  }

  private void addRanges(ServiceCIDR cidr) {
    cidr.cidrs().forEach(c -> Cidr.tryParse(c).ifPresent(allocator::addRange));
  }
}
