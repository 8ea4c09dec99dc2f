package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Map;

/**
 * A Service ({@code v1}): a stable virtual IP and DNS name in front of the pods its selector
 * matches (or of endpoints managed by hand), in one of four types.
 *
 * <pre>{@code
 * Service web = Service.of("shop", "web", Map.of("app", "web"),
 *     ServicePort.of("http", 80, IntOrString.of("http")));
 * }</pre>
 */
public record Service(ObjectMeta metadata, ServiceSpec spec, ServiceStatus status)
    implements KubernetesObject {

  public static final String KIND = "Service";

  public Service {
    checkArgument(metadata != null && spec != null && status != null,
        "service parts must not be null");
  }

  /** {@return a ClusterIP Service as a user writes it (defaults filled by the API server)} */
  public static Service of(String namespace, String name, Map<String, String> selector,
      ServicePort... ports) {
    return new Service(ObjectMeta.named(namespace, name), ServiceSpec.of(selector,
        List.of(ports)), ServiceStatus.empty());
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String apiVersion() {
    return "v1";
  }

  @Override
  public Service withMetadata(ObjectMeta newMetadata) {
    return new Service(newMetadata, spec, status);
  }

  public Service withSpec(ServiceSpec newSpec) {
    return new Service(metadata, newSpec, status);
  }

  public Service withStatus(ServiceStatus newStatus) {
    return new Service(metadata, spec, newStatus);
  }

  @Override
  public String toString() {
    return "Service " + metadata.key() + " " + (spec.type().isEmpty() ? "ClusterIP" : spec.type())
        + (spec.clusterIP().isEmpty() ? "" : " " + spec.clusterIP())
        + (spec.externalName().isEmpty() ? "" : " -> " + spec.externalName()) + " " + spec.ports()
        + (status.loadBalancerIngress().isEmpty() ? "" : " lb=" + status.loadBalancerIngress());
  }
}
