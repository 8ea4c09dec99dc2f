package io.kubenetsim.core;

import io.kubenetsim.Cluster;
import io.kubenetsim.ClusterConfig;
import io.kubenetsim.core.store.validation.ObjectValidator;
import io.kubenetsim.spi.SimulationProvider;

/** sim-core's {@link SimulationProvider}, registered in {@code META-INF/services}. */
public final class CoreSimulationProvider implements SimulationProvider {

  @Override
  public Cluster create(ClusterConfig config) {
    return new SimulatedCluster(config, new ObjectValidator(config.serviceCidrs()));
  }
}
