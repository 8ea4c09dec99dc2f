package io.kubenetsim.core;

import io.kubenetsim.Cluster;
import io.kubenetsim.ClusterConfig;
import io.kubenetsim.core.store.ObjectValidation;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.spi.SimulationProvider;
import java.util.List;

/** sim-core's {@link SimulationProvider}, registered in {@code META-INF/services}. */
public final class CoreSimulationProvider implements SimulationProvider {

  @Override
  public Cluster create(ClusterConfig config) {
    return new SimulatedCluster(config, new ObjectValidation() {
      @Override
      public List<FieldError> validateCreate(KubernetesObject object) {
        return List.of();
      }

      @Override
      public List<FieldError> validateUpdate(KubernetesObject old, KubernetesObject updated) {
        return List.of();
      }
    }, new Manifests());
  }
}
