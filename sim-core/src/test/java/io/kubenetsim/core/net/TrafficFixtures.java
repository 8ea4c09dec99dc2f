package io.kubenetsim.core.net;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.ProxyMode;
import java.util.List;

/** The cluster the traffic tests start from: three nodes, a web Deployment, client pods. */
final class TrafficFixtures {
  private TrafficFixtures() {}

  /**
   * {@return a settled cluster with {@code shop/web} ({@code app=web}, container port {@code
   * http} 8080) and one pod {@code shop/<name>} ({@code app=client}) per client name}
   */
  static Cluster shop(ProxyMode mode, long seed, int webReplicas, List<String> clients) {
    Cluster c = KubeSim.cluster().nodes(3).seed(seed).proxyMode(mode).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(webReplicas).label("app", "web")
        .containerPort("http", 8080).create();
    for (String client : clients) {
      c.pod("shop/" + client).label("app", "client").containerPort(9000).create();
    }
    c.settle();
    return c;
  }
}
