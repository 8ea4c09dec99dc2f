package io.kubenetsim.core.store.alloc;

import io.kubenetsim.core.store.WriteStrategy;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.ServiceCIDR;
import io.kubenetsim.net.Cidr;

/**
 * ServiceCIDR objects feed the ClusterIP allocator: a stored ServiceCIDR's ranges can be
 * allocated from; a deleted one's cannot (addresses already handed out stay valid). A range
 * is added when the write is stored, so a Service later in the same apply batch cannot take
 * from it yet; upstream's per-family {@code MetaAllocator} ({@code ipallocator/cidrallocator.go})
 * also learns of a ServiceCIDR only after it is stored, through an informer. A range of a family
 * {@code --service-cluster-ip-range} does not configure is added but never reached: upstream
 * builds a {@code MetaAllocator} only for the flag's families, each taking only CIDRs of its own
 * family, and defaulting offers only those families.
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
