package io.kubenetsim.core.store.alloc;

import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import java.util.List;

/** Minimal upstream defaulting, used until the full {@code ServiceDefaults} is wired in. */
public final class ProvisionalServiceDefaults {
  private ProvisionalServiceDefaults() {}

  public static Service apply(Service s) {
    return s.withSpec(s.spec().with(b -> {
      if (b.type.isEmpty()) {
        b.type = "ClusterIP";
      }
      b.ports = b.ports.stream().map(p -> p.targetPort().equals(IntOrString.of(0))
          || p.targetPort().equals(IntOrString.of("")) ? p.withTargetPort(IntOrString.of(p.port()))
          : p).toList();
      if (b.sessionAffinity.isEmpty()) {
        b.sessionAffinity = "None";
      }
      boolean external = b.type.equals("NodePort") || b.type.equals("LoadBalancer");
      if (external && b.externalTrafficPolicy.isEmpty()) {
        b.externalTrafficPolicy = "Cluster";
      }
      if (!b.type.equals("ExternalName")) {
        if (b.internalTrafficPolicy.isEmpty()) {
          b.internalTrafficPolicy = "Cluster";
        }
        if (b.clusterIPs.isEmpty() && !b.clusterIP.isEmpty()) {
          b.clusterIPs = List.of(b.clusterIP);
        }
        if (b.ipFamilies.isEmpty()) {
          b.ipFamilies = List.of("IPv4");
        }
        if (b.ipFamilyPolicy.isEmpty()) {
          b.ipFamilyPolicy = "SingleStack";
        }
      }
      if (b.type.equals("LoadBalancer") && b.allocateLoadBalancerNodePorts.isEmpty()) {
        b.allocateLoadBalancerNodePorts = java.util.Optional.of(true);
      }
      return b;
    }));
  }

  public static Service applyUpdate(Service stored, Service updated) {
    Service s = apply(updated);
    if (s.spec().clusterIP().isEmpty() && !stored.spec().clusterIP().isEmpty()
        && !"ExternalName".equals(s.spec().type())) {
      s = s.withSpec(s.spec().with(b -> {
        b.clusterIP = stored.spec().clusterIP();
        b.clusterIPs = stored.spec().clusterIPs();
        return b;
      }));
    }
    // As upstream's patchAllocatedValues: node ports carry over only while both the stored and
    // the updated type need them; a change to ClusterIP (or ExternalName) lets them go.
    if (!needsNodePorts(stored) || !needsNodePorts(s)) {
      return s;
    }
    List<ServicePort> old = stored.spec().ports();
    return s.withSpec(s.spec().with(b -> {
      b.ports = b.ports.stream().map(p -> p.nodePort() != 0 ? p : old.stream()
          .filter(o -> o.port() == p.port() && o.protocol() == p.protocol()).findFirst()
          .map(o -> p.withNodePort(o.nodePort())).orElse(p)).toList();
      return b;
    }));
  }

  private static boolean needsNodePorts(Service s) {
    return s.spec().type().equals("NodePort") || (s.spec().type().equals("LoadBalancer")
        && s.spec().allocateLoadBalancerNodePorts().orElse(true));
  }
}
