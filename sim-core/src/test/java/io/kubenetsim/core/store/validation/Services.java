package io.kubenetsim.core.store.validation;

import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.net.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Service fixtures for the validation tests: a manifest as a user writes it, its defaulted
 * form, and a stand-in for the allocator so the full rules see what upstream's validation sees.
 */
final class Services {

  static final ServiceValidation SINGLE_STACK =
      new ServiceValidation(List.of(Cidr.parse("10.96.0.0/12")));
  static final ServiceValidation DUAL_STACK = new ServiceValidation(
      List.of(Cidr.parse("10.96.0.0/12"), Cidr.parse("fd00:10:96::/112")));

  private Services() {}

  /** {@return shop/web selecting app=web, port "http" 80 to 8080, with {@code change} applied} */
  static Service manifest(UnaryOperator<ServiceSpec.Builder> change) {
    Service base = Service.of("shop", "web", Map.of("app", "web"),
        ServicePort.of("http", 80, IntOrString.of(8080)));
    return base.withSpec(base.spec().with(change));
  }

  /** {@return the manifest with no change} */
  static Service manifest() {
    return manifest(b -> b);
  }

  /** {@return the manifest defaulted for a single-stack IPv4 cluster} */
  static Service defaulted(UnaryOperator<ServiceSpec.Builder> change) {
    return ServiceDefaults.apply(manifest(change));
  }

  /**
   * {@return what the allocator would fill: a clusterIP unless headless or ExternalName (and
   * families set), nodePorts from 30001 for NodePort and LoadBalancer, and healthCheckNodePort
   * 32000 for LoadBalancer with Local} Values the Service already has are kept.
   */
  static Service allocated(Service service) {
    ServiceSpec spec = service.spec();
    boolean needsIp = !spec.type().equals("ExternalName") && spec.clusterIP().isEmpty()
        && spec.clusterIPs().isEmpty();
    boolean needsPorts = spec.type().equals("NodePort") || spec.type().equals("LoadBalancer");
    return service.withSpec(spec.with(b -> {
      if (needsIp) {
        b.clusterIP = "10.96.100.1";
        b.clusterIPs = List.of("10.96.100.1");
      }
      if (needsPorts) {
        List<ServicePort> ports = new ArrayList<>();
        for (int i = 0; i < b.ports.size(); i++) {
          ServicePort port = b.ports.get(i);
          ports.add(port.nodePort() == 0 ? port.withNodePort(30001 + i) : port);
        }
        b.ports = ports;
      }
      if (b.type.equals("LoadBalancer") && b.externalTrafficPolicy.equals("Local")
          && b.healthCheckNodePort == 0) {
        b.healthCheckNodePort = 32000;
      }
      return b;
    }));
  }

  /** {@return the manifest defaulted, then allocated: what the store validates on create} */
  static Service created(UnaryOperator<ServiceSpec.Builder> change) {
    return allocated(defaulted(change));
  }

  /** {@return the rendered errors of creating the changed manifest, single-stack cluster} */
  static List<String> createErrors(UnaryOperator<ServiceSpec.Builder> change) {
    return Errors.lines(SINGLE_STACK.validateCreate(created(change)));
  }

  /** {@return ports named a, b, … on 80, 81, … (to 8080, 8081, …)} */
  static List<ServicePort> ports(int count) {
    List<ServicePort> ports = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ports.add(ServicePort.of(String.valueOf((char) ('a' + i)), 80 + i,
          IntOrString.of(8080 + i)));
    }
    return ports;
  }
}
