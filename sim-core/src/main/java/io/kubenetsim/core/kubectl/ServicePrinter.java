package io.kubenetsim.core.kubectl;

import io.kubenetsim.model.LoadBalancerIngress;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.model.ServiceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Prints Services as {@code kubectl get services}: {@code NAME TYPE CLUSTER-IP EXTERNAL-IP
 * PORT(S) AGE}, and with {@code -o wide} also {@code SELECTOR}.
 *
 * <p>Follows upstream {@code printService}, {@code getServiceExternalIP}, {@code
 * loadBalancerStatusStringer} and {@code makePortString} (kubernetes {@code
 * pkg/printers/internalversion/printers.go}):
 *
 * <ul>
 *   <li>CLUSTER-IP is {@code clusterIPs[0]} ({@code None} when headless), {@code <none>} when
 *       there is none (ExternalName).
 *   <li>EXTERNAL-IP: ClusterIP and NodePort print {@code externalIPs} or {@code <none>};
 *       LoadBalancer prints the ingress IPs (a hostname when an entry has no IP), de-duplicated
 *       and sorted as strings, then the {@code externalIPs}, or {@code <pending>} when there is
 *       nothing; ExternalName prints the name. The cell is never clipped, with or without
 *       {@code -o wide}: kubectl receives its table from the API server, whose table convertor
 *       ({@code pkg/printers/storage} {@code TableConvertor.ConvertToTable}) always generates
 *       it with {@code Wide: true}, so upstream's 16-character cut for narrow output never
 *       applies to what kubectl prints.
 *   <li>PORT(S) is {@code port/PROTO}, or {@code port:nodePort/PROTO} when a node port is set,
 *       joined by commas; {@code <none>} without ports.
 *   <li>SELECTOR is {@code k=v} pairs sorted by key, or {@code <none>}.
 * </ul>
 *
 * <p>Simplification: a record whose {@code type} is still unset ({@code ""}) prints as the
 * API server would default it, {@code ClusterIP}; an unknown type prints {@code <unknown>} in
 * EXTERNAL-IP as upstream does. When {@code clusterIPs} is empty but {@code clusterIP} is set
 * (a record the API server would never hold) CLUSTER-IP falls back to {@code clusterIP}.
 *
 * <pre>{@code
 * new ServicePrinter().row(service, cluster.now(), false);
 * // [web, LoadBalancer, 10.96.45.12, <pending>, 80:31380/TCP, 5m]
 * }</pre>
 */
public final class ServicePrinter implements ResourcePrinter<Service> {

  private static final List<String> COLUMNS =
      List.of("Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age");
  private static final List<String> WIDE_COLUMNS = List.of("Selector");

  @Override
  public List<String> columns() {
    return COLUMNS;
  }

  @Override
  public List<String> wideColumns() {
    return WIDE_COLUMNS;
  }

  @Override
  public List<String> row(Service service, Instant now, boolean wide) {
    ServiceSpec spec = service.spec();
    List<String> cells = new ArrayList<>();
    cells.add(service.metadata().name());
    cells.add(typeText(spec));
    cells.add(clusterIp(spec));
    cells.add(externalIp(service));
    String ports = portString(spec.ports());
    cells.add(ports.isEmpty() ? "<none>" : ports);
    cells.add(HumanDuration.since(service.metadata().creationTimestamp(), now));
    if (wide) {
      cells.add(formatLabels(spec.selector()));
    }
    return cells;
  }

  /** {@return {@code spec.type}, or {@code ClusterIP} while it is unset} */
  static String typeText(ServiceSpec spec) {
    return spec.type().isEmpty() ? ServiceType.CLUSTER_IP.toString() : spec.type();
  }

  /** {@return the CLUSTER-IP cell: the primary cluster IP, {@code None}, or {@code <none>}} */
  static String clusterIp(ServiceSpec spec) {
    if (!spec.clusterIPs().isEmpty()) {
      return spec.clusterIPs().get(0);
    }
    return spec.clusterIP().isEmpty() ? "<none>" : spec.clusterIP();
  }

  /**
   * {@return the EXTERNAL-IP cell, as upstream's {@code getServiceExternalIP} with {@code wide}
   * set, as the API server always sets it}
   */
  static String externalIp(Service service) {
    ServiceSpec spec = service.spec();
    Optional<ServiceType> type = spec.serviceType();
    if (type.isEmpty()) {
      return "<unknown>";
    }
    switch (type.get()) {
      case CLUSTER_IP:
      case NODE_PORT:
        return spec.externalIPs().isEmpty() ? "<none>" : String.join(",", spec.externalIPs());
      case LOAD_BALANCER:
        return loadBalancerExternalIp(service);
      case EXTERNAL_NAME:
        return spec.externalName();
      default:
        throw new AssertionError("unhandled service type " + type.get());
    }
  }

  /** The ingress points, then {@code spec.externalIPs} in their given order. */
  private static String loadBalancerExternalIp(Service service) {
    List<String> all = new ArrayList<>(ingressPoints(service.status().loadBalancerIngress()));
    all.addAll(service.spec().externalIPs());
    return all.isEmpty() ? "<pending>" : String.join(",", all);
  }

  /**
   * {@return the ingress points as upstream's {@code loadBalancerStatusStringer} lists them:
   * each entry's IP, or its hostname when it has no IP, de-duplicated and sorted as strings
   * (a {@code sets.String}'s {@code List()}); entries with neither are skipped}
   */
  static List<String> ingressPoints(List<LoadBalancerIngress> ingress) {
    TreeSet<String> points = new TreeSet<>();
    for (LoadBalancerIngress entry : ingress) {
      if (!entry.ip().isEmpty()) {
        points.add(entry.ip());
      } else if (!entry.hostname().isEmpty()) {
        points.add(entry.hostname());
      }
    }
    return List.copyOf(points);
  }

  /** {@return the ports as upstream's {@code makePortString}; {@code ""} when there are none} */
  static String portString(List<ServicePort> ports) {
    List<String> pieces = new ArrayList<>(ports.size());
    for (ServicePort port : ports) {
      pieces.add(port.nodePort() > 0
          ? port.port() + ":" + port.nodePort() + "/" + port.protocol()
          : port.port() + "/" + port.protocol());
    }
    return String.join(",", pieces);
  }

  /** {@return apimachinery's {@code FormatLabels}: sorted {@code k=v,…} or {@code <none>}} */
  static String formatLabels(Map<String, String> labels) {
    if (labels.isEmpty()) {
      return "<none>";
    }
    List<String> pairs = new ArrayList<>();
    new TreeMap<>(labels).forEach((k, v) -> pairs.add(k + "=" + v));
    return String.join(",", pairs);
  }
}
