package io.kubenetsim.jqwik;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.model.ServiceStatus;
import io.kubenetsim.model.TrafficPolicy;
import io.kubenetsim.net.Protocol;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Service waiting for the pods it fronts ({@link Target}): its selector is made of some of
 * the target's labels and its target ports of the target's container ports (by number or by
 * name), so that it selects those pods and its ports resolve on them. Parts a kind does not
 * use are ignored: ports for ExternalName, affinity without a ClusterIP, externalTrafficPolicy
 * without node ports.
 */
record ServiceDraft(ServiceKind kind, String name, SelectorChoice selector,
    ImmutableList<PortDraft> ports, TrafficChoice traffic, String externalName) {

  /**
   * The kubelet's port, which the reference (§3.4) says a LoadBalancer may not expose; kube-netsim
   * accepts it (its ServiceValidation says upstream has no such rule), so no generated Service
   * uses it, and the manifests stay valid under either reading.
   */
  static final int KUBELET_PORT = 10250;

  /** The pods a Service is drafted for: their namespace, labels and container ports. */
  record Target(String namespace, Labels labels, List<ContainerPort> ports) {}

  /**
   * Which of the target's labels (in key order) the selector keeps, bit by bit of {@code mask}
   * (keeping none means keeping all); a {@code foreign} selector also requires a label nobody
   * has, so it selects nothing, as a mistyped selector would.
   */
  record SelectorChoice(int mask, boolean foreign, String strangerKey, String strangerValue) {}

  /**
   * One service port: the target's container port at {@code pick}, reached by name when {@code
   * byName} and it has one; the service port is the container port's number when {@code
   * samePort}, else {@code port}. A lone port is left unnamed unless {@code named}.
   */
  record PortDraft(int pick, boolean byName, boolean samePort, int port, String name,
      boolean named) {}

  /**
   * Session affinity and traffic policies: ClientIP affinity with {@code timeoutSeconds};
   * externalTrafficPolicy Local (else Cluster, written out); internalTrafficPolicy Local (else
   * left to its default, Cluster).
   */
  record TrafficChoice(boolean clientIpAffinity, int timeoutSeconds, boolean externalLocal,
      boolean internalLocal) {}

  /** {@return the Service for {@code target}} */
  Service resolve(Target target) {
    ObjectMeta meta = ObjectMeta.named(target.namespace(), name);
    if (kind == ServiceKind.EXTERNAL_NAME) {
      ServiceSpec spec = ServiceSpec.of(Map.of(), List.of()).with(b -> {
        b.type = kind.type().toString();
        b.externalName = externalName;
        return b;
      });
      return new Service(meta, spec, ServiceStatus.empty());
    }
    ServiceSpec spec = ServiceSpec.of(selectorOf(target.labels()), servicePorts(target.ports()))
        .with(b -> {
          b.type = kind == ServiceKind.CLUSTER_IP || kind == ServiceKind.HEADLESS ? ""
              : kind.type().toString();
          b.clusterIP = kind == ServiceKind.HEADLESS ? "None" : "";
          if (traffic.clientIpAffinity() && kind.hasClusterIp()) {
            b.sessionAffinity = "ClientIP";
            b.sessionAffinityTimeoutSeconds = Optional.of(traffic.timeoutSeconds());
          }
          if (kind.hasNodePorts()) {
            b.externalTrafficPolicy = (traffic.externalLocal() ? TrafficPolicy.LOCAL
                : TrafficPolicy.CLUSTER).toString();
          }
          if (traffic.internalLocal()) {
            b.internalTrafficPolicy = TrafficPolicy.LOCAL.toString();
          }
          return b;
        });
    return new Service(meta, spec, ServiceStatus.empty());
  }

  private Map<String, String> selectorOf(Labels labels) {
    TreeMap<String, String> kept = new TreeMap<>();
    List<Map.Entry<String, String>> entries = List.copyOf(labels.asMap().entrySet());
    for (int i = 0; i < entries.size(); i++) {
      if ((selector.mask() & (1 << (i % 31))) != 0) {
        kept.put(entries.get(i).getKey(), entries.get(i).getValue());
      }
    }
    if (kept.isEmpty()) {
      kept.putAll(labels.asMap());
    }
    if (selector.foreign() || kept.isEmpty()) {
      kept.put(selector.strangerKey(), selector.strangerValue());
    }
    return kept;
  }

  /**
   * The service ports: one per draft, a repeated port number and protocol left out; every port
   * named when there are several (names made unique with a {@code -<index>} suffix).
   */
  private List<ServicePort> servicePorts(List<ContainerPort> containerPorts) {
    List<ServicePort> ports = new ArrayList<>();
    Set<String> used = new HashSet<>(); // lookup only
    for (PortDraft draft : this.ports) {
      ServicePort port = servicePort(draft, containerPorts);
      String key = port.port() + "/" + port.protocol();
      if (!used.contains(key)) {
        used.add(key);
        ports.add(port);
      }
    }
    if (ports.isEmpty()) {
      return ports;
    }
    if (ports.size() == 1 && !this.ports.get(0).named()) {
      return List.of(rename(ports.get(0), ""));
    }
    List<ServicePort> named = new ArrayList<>();
    Set<String> names = new HashSet<>(); // lookup only
    for (int i = 0; i < ports.size(); i++) {
      String portName = ports.get(i).name();
      if (!names.add(portName)) {
        portName = portName + "-" + i;
        names.add(portName);
      }
      named.add(rename(ports.get(i), portName));
    }
    return named;
  }

  private static ServicePort servicePort(PortDraft draft, List<ContainerPort> containerPorts) {
    if (containerPorts.isEmpty()) {
      // Nothing declared: a numeric targetPort nobody listens on, as a misconfigured Service.
      return new ServicePort(draft.name(), Protocol.TCP, "", draft.port(),
          IntOrString.of(draft.port()), 0);
    }
    ContainerPort target = containerPorts.get(Math.floorMod(draft.pick(), containerPorts.size()));
    IntOrString targetPort = draft.byName() && !target.name().isEmpty()
        ? IntOrString.of(target.name()) : IntOrString.of(target.containerPort());
    int port = draft.samePort() && target.containerPort() != KUBELET_PORT
        ? target.containerPort() : draft.port();
    return new ServicePort(draft.name(), target.protocol(), "", port, targetPort, 0);
  }

  private static ServicePort rename(ServicePort port, String name) {
    return new ServicePort(name, port.protocol(), port.appProtocol(), port.port(),
        port.targetPort(), port.nodePort());
  }
}
