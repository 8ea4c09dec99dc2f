package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * An EndpointSlice ({@code discovery.k8s.io/v1}): up to 100 (by default) endpoints of one
 * Service, of one address type, sharing one port list. The Service it belongs to is named by
 * the label {@code kubernetes.io/service-name}.
 *
 * @param addressType {@code IPv4}, {@code IPv6} or {@code FQDN}
 */
public record EndpointSlice(
    ObjectMeta metadata, String addressType, ImmutableList<Endpoint> endpoints,
    ImmutableList<EndpointPort> ports) implements KubernetesObject {

  public static final String KIND = "EndpointSlice";
  public static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
  public static final String MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";
  public static final String CONTROLLER_NAME = "endpointslice-controller.k8s.io";
  public static final String MIRRORING_CONTROLLER_NAME = "endpointslicemirroring-controller.k8s.io";

  public EndpointSlice {
    checkArgument(metadata != null && addressType != null, "slice parts must not be null");
    endpoints = ImmutableList.copyOf(endpoints);
    ports = ImmutableList.copyOf(ports);
  }

  /** {@return a slice as a user writes it for a Service without a selector} */
  public static EndpointSlice of(String namespace, String name, String serviceName,
      List<Endpoint> endpoints, List<EndpointPort> ports) {
    ObjectMeta meta = ObjectMeta.named(namespace, name)
        .withLabels(Labels.of(SERVICE_NAME_LABEL, serviceName));
    return new EndpointSlice(meta, "IPv4", ImmutableList.copyOf(endpoints),
        ImmutableList.copyOf(ports));
  }

  /** {@return the Service this slice belongs to, from its label} */
  public String serviceName() {
    return metadata.labels().get(SERVICE_NAME_LABEL).orElse("");
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String apiVersion() {
    return "discovery.k8s.io/v1";
  }

  @Override
  public EndpointSlice withMetadata(ObjectMeta newMetadata) {
    return new EndpointSlice(newMetadata, addressType, endpoints, ports);
  }

  @Override
  public String toString() {
    return "EndpointSlice " + metadata.key() + " " + ports + " " + endpoints;
  }
}
