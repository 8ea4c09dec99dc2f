package io.kubenetsim.bench;

import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.model.ServiceStatus;
import io.kubenetsim.net.Protocol;
import java.util.List;
import java.util.Map;

/**
 * Services as the apiserver stores them after defaulting, for benchmarks that write straight to
 * the store: single-stack IPv4 ClusterIP, port {@code http} 80 → 8080, selecting
 * {@code app=<name>}.
 */
final class StoredServices {
  private StoredServices() {}

  /** {@return the Service, with {@code clusterIP} ({@code "None"} for a headless one)} */
  static Service clusterIp(String namespace, String name, String clusterIP) {
    ServicePort port = new ServicePort("http", Protocol.TCP, "", 80, IntOrString.of(8080), 0);
    return new Service(ObjectMeta.named(namespace, name), ServiceSpec.of(Map.of("app", name),
        List.of(port)).with(s -> {
          s.type = "ClusterIP";
          s.sessionAffinity = "None";
          s.internalTrafficPolicy = "Cluster";
          s.clusterIP = clusterIP;
          s.clusterIPs = List.of(clusterIP);
          s.ipFamilies = List.of("IPv4");
          s.ipFamilyPolicy = "SingleStack";
          return s;
        }), ServiceStatus.empty());
  }
}
