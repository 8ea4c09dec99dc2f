package io.kubenetsim.core.store.validation;

import io.kubenetsim.model.ServiceSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Upstream's {@code dropTypeDependentFields} ({@code pkg/registry/core/service/strategy.go}):
 * when an update changes a Service's type, the fields the new type does not use are wiped, but
 * only those the user left as they were. A changed value stays and validation rejects it.
 *
 * <table>
 *   <caption>Fields wiped, when unchanged</caption>
 *   <tr><th>change</th><th>wiped</th></tr>
 *   <tr><td>to ExternalName</td><td>clusterIP + clusterIPs, ipFamilies, ipFamilyPolicy</td></tr>
 *   <tr><td>NodePort/LoadBalancer to other</td><td>every nodePort, if no new one was
 *       added</td></tr>
 *   <tr><td>leaving LoadBalancer + Local</td><td>healthCheckNodePort</td></tr>
 *   <tr><td>LoadBalancer to other</td><td>allocateLoadBalancerNodePorts,
 *       loadBalancerClass</td></tr>
 *   <tr><td>leaving externally accessible</td><td>externalTrafficPolicy</td></tr>
 * </table>
 */
final class ServiceTypeChange {

  private ServiceTypeChange() {}

  /** {@return {@code spec} with what its new type no longer uses wiped} */
  static ServiceSpec dropTypeDependentFields(ServiceSpec spec, ServiceSpec old) {
    boolean leavesClusterIp = ServiceFields.needsClusterIP(old)
        && !ServiceFields.needsClusterIP(spec);
    boolean sameIps = ServiceFamilyInit.sameClusterIps(old, spec);
    boolean sameFamilies = old.ipFamilies().equals(spec.ipFamilies());
    boolean samePolicy = old.ipFamilyPolicy().equals(spec.ipFamilyPolicy());
    boolean dropNodePorts = ServiceFields.needsNodePort(old) && !ServiceFields.needsNodePort(spec)
        && new HashSet<>(ServiceFields.nodePorts(old)).containsAll(ServiceFields.nodePorts(spec));
    boolean dropHealthCheck = ServiceFields.needsHealthCheck(old)
        && !ServiceFields.needsHealthCheck(spec)
        && old.healthCheckNodePort() == spec.healthCheckNodePort();
    boolean leavesLoadBalancer = old.type().equals(ServiceFields.LOAD_BALANCER)
        && !spec.type().equals(ServiceFields.LOAD_BALANCER);
    boolean dropAllocate = leavesLoadBalancer && spec.allocateLoadBalancerNodePorts().isPresent()
        && spec.allocateLoadBalancerNodePorts().equals(old.allocateLoadBalancerNodePorts());
    boolean dropClass = leavesLoadBalancer
        && old.loadBalancerClass().equals(spec.loadBalancerClass());
    boolean dropTrafficPolicy = ServiceFields.externallyAccessible(old)
        && !ServiceFields.externallyAccessible(spec)
        && old.externalTrafficPolicy().equals(spec.externalTrafficPolicy());
    return spec.with(b -> {
      if (leavesClusterIp && sameIps) {
        b.clusterIP = "";
        b.clusterIPs = List.of();
      }
      if (leavesClusterIp && sameFamilies) {
        b.ipFamilies = List.of();
      }
      if (leavesClusterIp && samePolicy) {
        b.ipFamilyPolicy = "";
      }
      if (dropNodePorts) {
        b.ports = b.ports.stream().map(p -> p.withNodePort(0)).toList();
      }
      if (dropHealthCheck) {
        b.healthCheckNodePort = 0;
      }
      if (dropAllocate) {
        b.allocateLoadBalancerNodePorts = Optional.empty();
      }
      if (dropClass) {
        b.loadBalancerClass = "";
      }
      if (dropTrafficPolicy) {
        b.externalTrafficPolicy = "";
      }
      return b;
    });
  }
}
