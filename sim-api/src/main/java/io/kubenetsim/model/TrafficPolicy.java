package io.kubenetsim.model;

import java.util.Optional;

/**
 * {@code Service.spec.externalTrafficPolicy} and {@code internalTrafficPolicy}, as the API
 * spells them: {@code Cluster} (any endpoint) or {@code Local} (endpoints on the node the packet
 * arrived at only).
 */
public enum TrafficPolicy {
  CLUSTER("Cluster"),
  LOCAL("Local");

  private final String text;

  TrafficPolicy(String text) {
    this.text = text;
  }

  /** {@return the policy with exactly this API name (case-sensitive, as the API is)} */
  public static Optional<TrafficPolicy> tryParse(String name) {
    return ApiNames.find(values(), name);
  }

  @Override
  public String toString() {
    return text;
  }
}
