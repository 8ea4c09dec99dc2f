package io.kubenetsim.core.store.alloc;

import io.kubenetsim.core.store.WriteStrategy;
import io.kubenetsim.core.store.validation.ServiceDefaults;
import io.kubenetsim.core.store.validation.ServiceValidation;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.manifest.InvalidObject;
import io.kubenetsim.manifest.ValidationException;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.Service;
import java.util.List;

/**
 * The API server's handling of a Service write, in upstream's order: defaulting ({@code
 * SetDefaults_Service}; on update also {@code dropTypeDependentFields} and carrying over what
 * the user left unset), the IP-family check that {@code initIPFamilyFields} runs before
 * anything is allocated, then ClusterIP and NodePort allocation. Deletion releases them.
 */
public final class ServiceStrategy implements WriteStrategy {
  private final ServiceAllocator allocator;
  private final ServiceValidation validation;

  public ServiceStrategy(ServiceAllocator allocator, ServiceValidation validation) {
    this.allocator = allocator;
    this.validation = validation;
  }

  @Override
  public Prepared prepareCreate(KubernetesObject object) {
    Service service = ServiceDefaults.apply((Service) object, validation.ipFamilies());
    requireValid(service, validation.validateIpFamilies(service));
    return allocator.allocateCreate(service);
  }

  @Override
  public Prepared prepareUpdate(KubernetesObject stored, KubernetesObject updated) {
    Service old = (Service) stored;
    Service service = ServiceDefaults.applyUpdate(old, (Service) updated, validation.ipFamilies());
    requireValid(service, validation.validateIpFamiliesUpdate(old, service));
    return allocator.allocateUpdate(old, service);
  }

  @Override
  public void deleted(KubernetesObject object) {
    allocator.release((Service) object);
  }

  private static void requireValid(Service service, List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw ValidationException.of(InvalidObject.of(service.kind(),
          service.metadata().namespace(), service.metadata().name(), errors));
    }
  }
}
