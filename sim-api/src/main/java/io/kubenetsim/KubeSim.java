package io.kubenetsim;

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
}
