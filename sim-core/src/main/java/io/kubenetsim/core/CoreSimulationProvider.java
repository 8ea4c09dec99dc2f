package io.kubenetsim.core;

import io.kubenetsim.Cluster;
import io.kubenetsim.ClusterConfig;
import io.kubenetsim.core.manifest.ManifestWriter;
import io.kubenetsim.core.store.validation.ObjectValidator;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.spi.SimulationProvider;
import java.util.List;

/** sim-core's {@link SimulationProvider}, registered in {@code META-INF/services}. */
public final class CoreSimulationProvider implements SimulationProvider {
  private static final ManifestWriter WRITER = new ManifestWriter();

  @Override
  public Cluster create(ClusterConfig config) {
    return new SimulatedCluster(config, new ObjectValidator(config.serviceCidrs()));
  }

  @Override
  public String toYaml(List<? extends KubernetesObject> objects) {
    StringBuilder out = new StringBuilder();
    for (KubernetesObject object : objects) {
      out.append("---\n").append(WRITER.toYaml(object));
    }
    return out.toString();
  }
}
