package io.kubenetsim.core.store.alloc;

import io.kubenetsim.core.store.WriteStrategy;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.Service;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * The API server's handling of a Service write: defaulting (upstream's {@code
 * SetDefaults_Service}, and on update {@code dropTypeDependentFields}), then ClusterIP and
 * NodePort allocation; deletion releases them.
 */
public final class ServiceStrategy implements WriteStrategy {
  private final ServiceAllocator allocator;
  private final UnaryOperator<Service> defaults;
  private final BinaryOperator<Service> updateDefaults;

  /**
   * @param defaults defaulting of a new Service
   * @param updateDefaults defaulting of an update: (stored, updated) → updated
   */
  public ServiceStrategy(ServiceAllocator allocator, UnaryOperator<Service> defaults,
      BinaryOperator<Service> updateDefaults) {
    this.allocator = allocator;
    this.defaults = defaults;
    this.updateDefaults = updateDefaults;
  }

  @Override
  public Prepared prepareCreate(KubernetesObject object) {
    return allocator.allocateCreate(defaults.apply((Service) object));
  }

  @Override
  public Prepared prepareUpdate(KubernetesObject stored, KubernetesObject updated) {
    Service old = (Service) stored;
    return allocator.allocateUpdate(old, updateDefaults.apply(old, (Service) updated));
  }

  @Override
  public void deleted(KubernetesObject object) {
    allocator.release((Service) object);
  }
}
