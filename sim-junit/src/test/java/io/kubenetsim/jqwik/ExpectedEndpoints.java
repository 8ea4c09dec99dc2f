package io.kubenetsim.jqwik;

import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.net.HostPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the EndpointSlice controller and kube-proxy should make of a Service, worked out from the
 * observed pods with the reference's rules (§4.2–4.4, §5.1): the pods are those of the
 * Service's namespace that its selector matches; the ready ones are those kube-proxy uses; a
 * numeric targetPort is taken as is, a named one is looked up in each pod's container ports by
 * name and protocol, and a pod without it has no entry for that port.
 */
final class ExpectedEndpoints {
  private ExpectedEndpoints() {}

  /** {@return the pods the Service's selector matches, in its namespace, with an IP} */
  static List<ObservedPod> selected(Service service, List<ObservedPod> pods) {
    return pods.stream()
        .filter(p -> p.namespace().equals(service.metadata().namespace()))
        .filter(p -> p.ip().isPresent())
        .filter(p -> ReferenceSelectors.matches(service.spec().selector(), p.labels()))
        .toList();
  }

  /** {@return the selected pods kube-proxy may use: ready and not terminating} */
  static List<ObservedPod> ready(Service service, List<ObservedPod> pods) {
    return selected(service, pods).stream().filter(ObservedPod::isServing).toList();
  }

  /** {@return the number a service port's targetPort resolves to on this pod, if any} */
  static Optional<Integer> targetPort(ServicePort port, ObservedPod pod) {
    if (port.targetPort().isInt()) {
      return port.targetPort().intValue();
    }
    return pod.port(port.targetPort().stringValue().get(), port.protocol())
        .map(ContainerPort::containerPort);
  }

  /** {@return the slice ports a pod's endpoint should be listed with, in service port order} */
  static List<EndpointPort> slicePorts(Service service, ObservedPod pod) {
    List<EndpointPort> ports = new ArrayList<>();
    for (ServicePort port : service.spec().ports()) {
      targetPort(port, pod).ifPresent(number ->
          ports.add(EndpointPort.of(port.name(), number, port.protocol())));
    }
    return ports;
  }

  /** {@return the ready backends of one service port, {@code ip:targetPort}, in text order} */
  static List<HostPort> backends(Service service, ServicePort port, List<ObservedPod> pods) {
    List<HostPort> backends = new ArrayList<>();
    for (ObservedPod pod : ready(service, pods)) {
      targetPort(port, pod).ifPresent(n -> backends.add(HostPort.of(pod.ip().get(), n)));
    }
    backends.sort(HostPort.BY_TEXT);
    return backends;
  }

  /** {@return every ready backend of every service port, as {@code ServiceHandle.endpoints()}} */
  static List<HostPort> backends(Service service, List<ObservedPod> pods) {
    List<HostPort> all = new ArrayList<>();
    service.spec().ports().forEach(port -> all.addAll(backends(service, port, pods)));
    all.sort(HostPort.BY_TEXT);
    return all;
  }
}
