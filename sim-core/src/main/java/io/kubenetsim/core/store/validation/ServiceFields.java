package io.kubenetsim.core.store.validation;

import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.net.IpFamily;
import java.util.List;
import java.util.Optional;

/**
 * The questions about a Service spec that defaulting, the registry and validation all ask,
 * answered as upstream answers them ({@code pkg/api/service/util.go}: {@code
 * ExternallyAccessible}, {@code NeedsHealthCheck}; {@code pkg/registry/core/service}: {@code
 * needsClusterIP}, {@code needsNodePort}, {@code needsHCNodePort}; validation's {@code
 * isHeadlessService}). The spec's {@code type} is compared as written, so an unknown type
 * needs nothing.
 */
final class ServiceFields {

  static final String CLUSTER_IP = "ClusterIP";
  static final String NODE_PORT = "NodePort";
  static final String LOAD_BALANCER = "LoadBalancer";
  static final String EXTERNAL_NAME = "ExternalName";
  static final String NONE = "None";
  static final String CLUSTER = "Cluster";
  static final String LOCAL = "Local";
  static final String SINGLE_STACK = "SingleStack";
  static final String PREFER_DUAL_STACK = "PreferDualStack";
  static final String REQUIRE_DUAL_STACK = "RequireDualStack";
  static final String CLIENT_IP = "ClientIP";

  private ServiceFields() {}

  /** {@return whether {@code clusterIPs} is exactly {@code ["None"]}, as validation reads it} */
  static boolean isHeadless(ServiceSpec spec) {
    return spec.clusterIPs().size() == 1 && NONE.equals(spec.clusterIPs().get(0));
  }

  /** {@return NodePort, LoadBalancer, or ClusterIP with external IPs} */
  static boolean externallyAccessible(ServiceSpec spec) {
    return spec.type().equals(LOAD_BALANCER) || spec.type().equals(NODE_PORT)
        || (spec.type().equals(CLUSTER_IP) && !spec.externalIPs().isEmpty());
  }

  /** {@return LoadBalancer with externalTrafficPolicy Local: needs a healthCheckNodePort} */
  static boolean needsHealthCheck(ServiceSpec spec) {
    return spec.type().equals(LOAD_BALANCER) && spec.externalTrafficPolicy().equals(LOCAL);
  }

  static boolean needsClusterIP(ServiceSpec spec) {
    return !spec.type().equals(EXTERNAL_NAME);
  }

  static boolean needsNodePort(ServiceSpec spec) {
    return spec.type().equals(NODE_PORT) || spec.type().equals(LOAD_BALANCER);
  }

  /** {@return whether the spec lists both an IPv4 and an IPv6 address (Go's IsDualStackIPs)} */
  static boolean isDualStack(List<Optional<IpFamily>> families) {
    return families.contains(Optional.of(IpFamily.IPV4))
        && families.contains(Optional.of(IpFamily.IPV6));
  }

  /** {@return the other family: IPv6 for IPv4 and the other way round} */
  static IpFamily other(IpFamily family) {
    return family == IpFamily.IPV4 ? IpFamily.IPV6 : IpFamily.IPV4;
  }

  /** {@return the nodePorts the spec's ports hold, zeros left out} */
  static List<Integer> nodePorts(ServiceSpec spec) {
    return spec.ports().stream().map(ServicePort::nodePort).filter(p -> p != 0).toList();
  }
}
