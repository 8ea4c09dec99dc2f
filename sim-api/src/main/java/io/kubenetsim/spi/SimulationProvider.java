package io.kubenetsim.spi;

import io.kubenetsim.Cluster;
import io.kubenetsim.ClusterConfig;
import io.kubenetsim.SimulationException;
import io.kubenetsim.model.KubernetesObject;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The one interface sim-core implements for sim-api: builds clusters and writes manifests. Found
 * once through
 * {@link ServiceLoader}; internal, not for implementation outside io.kubenetsim.
 */
public interface SimulationProvider {

  /** {@return a new cluster built from the configuration} */
  Cluster create(ClusterConfig config);

  /** {@return the objects as multi-document YAML, as {@link io.kubenetsim.KubeSim#toYaml} says} */
  String toYaml(List<? extends KubernetesObject> objects);

  /**
   * {@return the provider on the class path}
   *
   * @throws SimulationException when there is none (add the sim-core jar) or several
   */
  static SimulationProvider load() {
    return Holder.INSTANCE;
  }

  /** Loads the provider lazily, once. */
  final class Holder {
    static final SimulationProvider INSTANCE = find();

    private Holder() {}

    private static SimulationProvider find() {
      List<SimulationProvider> found = ServiceLoader.load(SimulationProvider.class).stream()
          .map(ServiceLoader.Provider::get).collect(Collectors.toList());
      if (found.isEmpty()) {
        throw new SimulationException("no kube-netsim implementation on the class path: add the "
            + "io.kubenetsim:sim-core jar next to sim-api");
      }
      if (found.size() > 1) {
        throw new SimulationException("several kube-netsim implementations on the class path ("
            + found.stream().map(p -> p.getClass().getName()).collect(Collectors.joining(", "))
            + "): keep exactly one sim-core jar");
      }
      return found.get(0);
    }
  }
}
