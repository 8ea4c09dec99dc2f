package io.kubenetsim;

import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.spi.SimulationProvider;
import java.util.List;

/**
 * Where kube-netsim starts: {@code KubeSim.cluster()} returns a builder for a simulated cluster.
 *
 * <pre>{@code
 * Cluster c = KubeSim.cluster().nodes(3).seed(42).build();
 * c.createNamespace("shop");
 * c.deployment("shop/web").replicas(3).label("app", "web").containerPort("http", 8080).create();
 * c.settle();
 * c.pods("shop", "app=web").forEach(System.out::println);
 * }</pre>
 */
public final class KubeSim {

  private KubeSim() {}

  /** {@return a builder with every setting at its default} */
  public static ClusterBuilder cluster() {
    return new ClusterBuilder(ClusterConfig.defaults());
  }

  /** {@return a builder starting from this configuration} */
  public static ClusterBuilder cluster(ClusterConfig config) {
    return new ClusterBuilder(config);
  }

  /**
   * {@return the objects as a multi-document manifest, each document opened by {@code ---}}
   * Each is written as {@code kubectl get -o yaml} writes it (keys sorted, empty fields left
   * out), so {@link Cluster#applyYaml(String)} and the CLI's {@code apply -f} read back the
   * same objects, less what the API server sets. For printing objects made in code, such as a
   * property test's generated counterexample, as something anyone can apply.
   *
   * <pre>{@code
   * Files.writeString(Path.of("repro.yaml"), KubeSim.toYaml(List.of(namespace, service)));
   * }</pre>
   *
   * @throws IllegalArgumentException for an object of a kind kube-netsim cannot write
   */
  public static String toYaml(List<? extends KubernetesObject> objects) {
    return SimulationProvider.load().toYaml(objects);
  }
}
