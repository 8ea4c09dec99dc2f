package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.model.LoadBalancerIngress;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.model.ServiceStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a Service's {@code spec} and {@code status} as {@code kubectl get svc -o yaml} prints
 * them. Every spec field is {@code omitempty} upstream (strings, lists, maps, numbers and the
 * pointer fields), so unset ones are left out; {@code allocateLoadBalancerNodePorts} is written
 * whenever set, {@code false} included, and {@code sessionAffinityConfig.clientIP.timeoutSeconds}
 * only when set. In each port, {@code port}, {@code protocol} and {@code targetPort} are always
 * written ({@code targetPort} is a struct in Go, which {@code omitempty} never drops; an
 * undefaulted one prints as {@code 0}). {@code status.loadBalancer} is a struct too, so a
 * Service without ingress prints {@code status: {loadBalancer: {}}}.
 */
final class ServiceEncoder implements KindEncoder<Service> {

  @Override
  public Class<Service> type() {
    return Service.class;
  }

  @Override
  public boolean namespaced() {
    return true;
  }

  @Override
  public void encode(Service service, ObjectNode out) {
    out.set("spec", spec(service.spec()));
    out.set("status", status(service.status()));
  }

  private static ObjectNode spec(ServiceSpec spec) {
    ObjectNode out = TreeOut.object();
    spec.allocateLoadBalancerNodePorts()
        .ifPresent(allocate -> out.put("allocateLoadBalancerNodePorts", allocate));
    TreeOut.putString(out, "clusterIP", spec.clusterIP());
    TreeOut.putStrings(out, "clusterIPs", spec.clusterIPs());
    TreeOut.putStrings(out, "externalIPs", spec.externalIPs());
    TreeOut.putString(out, "externalName", spec.externalName());
    TreeOut.putString(out, "externalTrafficPolicy", spec.externalTrafficPolicy());
    TreeOut.putNumber(out, "healthCheckNodePort", spec.healthCheckNodePort());
    TreeOut.putString(out, "internalTrafficPolicy", spec.internalTrafficPolicy());
    TreeOut.putStrings(out, "ipFamilies", spec.ipFamilies());
    TreeOut.putString(out, "ipFamilyPolicy", spec.ipFamilyPolicy());
    TreeOut.putString(out, "loadBalancerClass", spec.loadBalancerClass());
    TreeOut.putString(out, "loadBalancerIP", spec.loadBalancerIP());
    TreeOut.putStrings(out, "loadBalancerSourceRanges", spec.loadBalancerSourceRanges());
    List<ObjectNode> ports = new ArrayList<>();
    spec.ports().forEach(p -> ports.add(port(p)));
    TreeOut.putObjects(out, "ports", ports);
    if (spec.publishNotReadyAddresses()) {
      out.put("publishNotReadyAddresses", true);
    }
    TreeOut.putMap(out, "selector", spec.selector());
    TreeOut.putString(out, "sessionAffinity", spec.sessionAffinity());
    spec.sessionAffinityTimeoutSeconds().ifPresent(timeout -> out.putObject("sessionAffinityConfig")
        .putObject("clientIP").put("timeoutSeconds", timeout));
    TreeOut.putString(out, "trafficDistribution", spec.trafficDistribution());
    TreeOut.putString(out, "type", spec.type());
    return out;
  }

  private static ObjectNode port(ServicePort port) {
    ObjectNode out = TreeOut.object();
    TreeOut.putString(out, "appProtocol", port.appProtocol());
    TreeOut.putString(out, "name", port.name());
    TreeOut.putNumber(out, "nodePort", port.nodePort());
    out.put("port", port.port());
    out.put("protocol", port.protocol().name());
    out.set("targetPort", TreeOut.intOrString(port.targetPort()));
    return out;
  }

  private static ObjectNode status(ServiceStatus status) {
    ObjectNode out = TreeOut.object();
    ObjectNode loadBalancer = out.putObject("loadBalancer");
    List<ObjectNode> ingress = new ArrayList<>();
    for (LoadBalancerIngress point : status.loadBalancerIngress()) {
      ObjectNode node = TreeOut.object();
      TreeOut.putString(node, "hostname", point.hostname());
      TreeOut.putString(node, "ip", point.ip());
      TreeOut.putString(node, "ipMode", point.ipMode());
      ingress.add(node);
    }
    TreeOut.putObjects(loadBalancer, "ingress", ingress);
    return out;
  }
}
