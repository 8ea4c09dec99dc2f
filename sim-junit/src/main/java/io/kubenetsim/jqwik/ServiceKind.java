package io.kubenetsim.jqwik;

import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.model.ServiceType;

/**
 * The five flavours of Service a generator makes: the four {@code spec.type}s, with a ClusterIP
 * Service of {@code clusterIP: None} (headless) told apart, since it has no virtual IP, no
 * kube-proxy rules, and DNS answers with its pods' addresses.
 */
public enum ServiceKind {
  CLUSTER_IP,
  NODE_PORT,
  LOAD_BALANCER,
  EXTERNAL_NAME,
  HEADLESS;

  /** {@return the kind of a Service, as written or as stored (an unset type is ClusterIP)} */
  public static ServiceKind of(Service service) {
    ServiceSpec spec = service.spec();
    ServiceType type = spec.serviceType().orElseThrow(() -> new IllegalArgumentException(
        "Service " + service.metadata().key() + " has unknown type \"" + spec.type() + "\""));
    return switch (type) {
      case CLUSTER_IP -> spec.isHeadless() ? HEADLESS : CLUSTER_IP;
      case NODE_PORT -> NODE_PORT;
      case LOAD_BALANCER -> LOAD_BALANCER;
      case EXTERNAL_NAME -> EXTERNAL_NAME;
    };
  }

  /** {@return whether Services of this kind have a virtual IP that kube-proxy serves} */
  public boolean hasClusterIp() {
    return this == CLUSTER_IP || this == NODE_PORT || this == LOAD_BALANCER;
  }

  /** {@return whether Services of this kind are reachable on every node's NodePort} */
  public boolean hasNodePorts() {
    return this == NODE_PORT || this == LOAD_BALANCER;
  }

  /** {@return whether Services of this kind select pods (every kind but ExternalName)} */
  public boolean selectsPods() {
    return this != EXTERNAL_NAME;
  }

  /** {@return the {@code spec.type} Services of this kind have} */
  public ServiceType type() {
    return switch (this) {
      case CLUSTER_IP, HEADLESS -> ServiceType.CLUSTER_IP;
      case NODE_PORT -> ServiceType.NODE_PORT;
      case LOAD_BALANCER -> ServiceType.LOAD_BALANCER;
      case EXTERNAL_NAME -> ServiceType.EXTERNAL_NAME;
    };
  }
}
