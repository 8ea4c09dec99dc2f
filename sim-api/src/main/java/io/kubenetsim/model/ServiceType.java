package io.kubenetsim.model;

import java.util.Optional;

/** {@code Service.spec.type}, as the API spells it. */
public enum ServiceType {
  CLUSTER_IP("ClusterIP"),
  NODE_PORT("NodePort"),
  LOAD_BALANCER("LoadBalancer"),
  EXTERNAL_NAME("ExternalName");

  private final String text;

  ServiceType(String text) {
    this.text = text;
  }

  /** {@return the type with exactly this API name (case-sensitive, as the API is)} */
  public static Optional<ServiceType> tryParse(String name) {
    return ApiNames.find(values(), name);
  }

  @Override
  public String toString() {
    return text;
  }
}
