package io.kubenetsim.core.kubectl;

import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.LoadBalancerIngress;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Renders {@code kubectl describe service} text, line for line as kubectl's {@code
 * describeService} (kubectl {@code pkg/describe/describe.go}) writes it, laid out by {@link
 * DescribeWriter}.
 *
 * <p>Fields, in order: {@code Name}, {@code Namespace}, {@code Labels} (one per line), {@code
 * Annotations}, {@code Selector}, {@code Type}, {@code IP Family Policy} (when set), {@code IP
 * Families}, {@code IP} ({@code spec.clusterIP} verbatim), {@code IPs}, then when set {@code
 * External IPs}, {@code Desired LoadBalancer IP}, {@code External Name}, {@code LoadBalancer
 * Ingress}; per port {@code Port}, {@code TargetPort}, {@code AppProtocol} (when set), {@code
 * NodePort} (when set) and {@code Endpoints} (see {@link EndpointCells#describeEndpoints});
 * then {@code Session Affinity}, and when set {@code External Traffic Policy}, {@code Internal
 * Traffic Policy}, {@code HealthCheck NodePort}, {@code LoadBalancer Source Ranges}, {@code
 * Traffic Distribution}; last {@code Events}.
 *
 * <p>Simplification: the simulator records no Kubernetes {@code Event} objects for Services, so
 * {@code Events} always prints {@code <none>}. The model keeps unset strings as {@code ""}, so
 * "set" above means non-empty.
 *
 * <pre>{@code
 * String text = ServiceDescriber.describe(service, slicesOfTheService);
 * }</pre>
 */
final class ServiceDescriber {

  private ServiceDescriber() {}

  /**
   * {@return the description of {@code service}}, ending in a newline
   *
   * @param slices the EndpointSlices labelled {@code kubernetes.io/service-name} with the
   *     service's name in its namespace, in any order (they are read sorted by name, as the API
   *     lists them)
   */
  static String describe(Service service, List<EndpointSlice> slices) {
    List<EndpointSlice> sorted = new ArrayList<>(slices);
    sorted.sort(Comparator.comparing(s -> s.metadata().name()));
    ServiceSpec spec = service.spec();
    DescribeWriter w = new DescribeWriter();
    w.line("Name:\t" + service.metadata().name());
    w.line("Namespace:\t" + service.metadata().namespace());
    w.labels("Labels", service.metadata().labels().asMap());
    w.annotations("Annotations", service.metadata().annotations());
    w.line("Selector:\t" + ServicePrinter.formatLabels(spec.selector()));
    w.line("Type:\t" + ServicePrinter.typeText(spec));
    addresses(w, service);
    for (ServicePort port : spec.ports()) {
      port(w, port, sorted);
    }
    w.line("Session Affinity:\t" + spec.sessionAffinity());
    policies(w, spec);
    w.line("Events:\t<none>");
    return w.render();
  }

  /** The IP family and address lines, through {@code LoadBalancer Ingress}. */
  private static void addresses(DescribeWriter w, Service service) {
    ServiceSpec spec = service.spec();
    if (!spec.ipFamilyPolicy().isEmpty()) {
      w.line("IP Family Policy:\t" + spec.ipFamilyPolicy());
    }
    w.line("IP Families:\t" + joinedOrNone(spec.ipFamilies()));
    w.line("IP:\t" + spec.clusterIP());
    w.line("IPs:\t" + joinedOrNone(spec.clusterIPs()));
    if (!spec.externalIPs().isEmpty()) {
      w.line("External IPs:\t" + String.join(",", spec.externalIPs()));
    }
    if (!spec.loadBalancerIP().isEmpty()) {
      w.line("Desired LoadBalancer IP:\t" + spec.loadBalancerIP());
    }
    if (!spec.externalName().isEmpty()) {
      w.line("External Name:\t" + spec.externalName());
    }
    List<LoadBalancerIngress> ingress = service.status().loadBalancerIngress();
    if (!ingress.isEmpty()) {
      w.line("LoadBalancer Ingress:\t" + ingressText(ingress));
    }
  }

  private static void port(DescribeWriter w, ServicePort port, List<EndpointSlice> slices) {
    String name = port.name().isEmpty() ? "<unset>" : port.name();
    w.line("Port:\t" + name + "\t" + port.port() + "/" + port.protocol());
    w.line("TargetPort:\t" + port.targetPort() + "/" + port.protocol());
    if (!port.appProtocol().isEmpty()) {
      w.line("AppProtocol:\t" + port.appProtocol());
    }
    if (port.nodePort() != 0) {
      w.line("NodePort:\t" + name + "\t" + port.nodePort() + "/" + port.protocol());
    }
    w.line("Endpoints:\t" + EndpointCells.describeEndpoints(slices, port.name()));
  }

  private static void policies(DescribeWriter w, ServiceSpec spec) {
    if (!spec.externalTrafficPolicy().isEmpty()) {
      w.line("External Traffic Policy:\t" + spec.externalTrafficPolicy());
    }
    if (!spec.internalTrafficPolicy().isEmpty()) {
      w.line("Internal Traffic Policy:\t" + spec.internalTrafficPolicy());
    }
    if (spec.healthCheckNodePort() != 0) {
      w.line("HealthCheck NodePort:\t" + spec.healthCheckNodePort());
    }
    if (!spec.loadBalancerSourceRanges().isEmpty()) {
      w.line("LoadBalancer Source Ranges:\t" + String.join(",", spec.loadBalancerSourceRanges()));
    }
    if (!spec.trafficDistribution().isEmpty()) {
      w.line("Traffic Distribution:\t" + spec.trafficDistribution());
    }
  }

  /** kubectl's {@code buildIngressString}: {@code ip (ipMode)} or hostname, in given order. */
  static String ingressText(List<LoadBalancerIngress> ingress) {
    List<String> parts = new ArrayList<>();
    for (LoadBalancerIngress entry : ingress) {
      if (entry.ip().isEmpty()) {
        parts.add(entry.hostname());
      } else {
        parts.add(entry.ipMode().isEmpty() ? entry.ip() : entry.ip() + " (" + entry.ipMode() + ")");
      }
    }
    return String.join(", ", parts);
  }

  private static String joinedOrNone(List<String> values) {
    return values.isEmpty() ? "<none>" : String.join(",", values);
  }
}
