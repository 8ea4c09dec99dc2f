package io.kubenetsim.core;

import io.kubenetsim.Cluster;
import io.kubenetsim.ClusterConfig;
import io.kubenetsim.core.store.ObjectValidation;
import io.kubenetsim.core.store.validation.ObjectValidator;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.spi.SimulationProvider;
import java.util.List;
import java.util.Set;

/** sim-core's {@link SimulationProvider}, registered in {@code META-INF/services}. */
public final class CoreSimulationProvider implements SimulationProvider {
  // TODO(issue 3): remove once the Service, EndpointSlice, Endpoints and ServiceCIDR rules land.
  private static final Set<String> PENDING = Set.of("Service", "EndpointSlice", "Endpoints",
      "ServiceCIDR");

  @Override
  public Cluster create(ClusterConfig config) {
    ObjectValidator rules = new ObjectValidator();
    return new SimulatedCluster(config, new ObjectValidation() {
      @Override
      public List<FieldError> validateCreate(KubernetesObject object) {
        return PENDING.contains(object.kind()) ? List.of() : rules.validateCreate(object);
      }

      @Override
      public List<FieldError> validateUpdate(KubernetesObject old, KubernetesObject updated) {
        return PENDING.contains(old.kind()) ? List.of() : rules.validateUpdate(old, updated);
      }
    });
  }
}
