package io.kubenetsim.core.controllers.endpoints;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointConditions;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.TargetRef;
import io.kubenetsim.net.IpFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which pods back a Service and how each becomes an endpoint, as upstream's {@code
 * podToEndpoint} and {@code getEndpointPorts} decide: pods in the Service's namespace matching
 * its selector, not finished, with an IP of the family asked for (upstream's {@code
 * getEndpointAddresses}), on a known node (unless not-ready addresses are published);
 * conditions from the pod's Ready condition and termination; named target ports resolved per
 * pod (by name and protocol), a port the pod lacks simply left out.
 */
final class PodEndpoints {
  static final String ZONE_LABEL = "topology.kubernetes.io/zone";

  private PodEndpoints() {}

  /**
   * {@return the Services whose selector matches the pod before or after a change}: those whose
   * endpoints the change may affect
   */
  /** {@return the Services whose selector matches the pod, by name} */
  static List<NamespacedName> servicesSelecting(Pod pod, Informer<Service> services) {
    services.ensureIndex(SELECTOR_INDEX, PodEndpoints::selectorKeys);
    TreeSet<NamespacedName> out = new TreeSet<>();
    addSelecting(services, pod, pod, out);
    return List.copyOf(out);
  }

  /** Pods by the node they are bound to (the scheduler's index of the same name). */
  static final String NODE_INDEX = "spec.nodeName";

  /** {@return the zone label's value, {@code ""} without one} */
  static String zone(Labels labels) {
    return labels.get(ZONE_LABEL).orElse("");
  }

  /**
   * {@return the Services whose endpoints a pod event may change}, as upstream's {@code
   * GetPodServiceMemberships} and {@code podEndpointsChanged} decide: an added or deleted pod
   * concerns the Services selecting it; an update concerns nobody unless it changed the
   * deletion timestamp, readiness or pod IPs (what an endpoint shows; the node name is set
   * before the pod has an IP), its labels, or its hostname or subdomain. When only the labels
   * moved, only the Services the pod joined or left are concerned; when the endpoint changed
   * too, every Service selecting it before or after.
   */
  static List<NamespacedName> servicesSelecting(WatchEvent event, Informer<Service> services) {
    services.ensureIndex(SELECTOR_INDEX, PodEndpoints::selectorKeys);
    Pod pod = (Pod) event.object();
    TreeSet<NamespacedName> now = new TreeSet<>();
    if (event.type() != WatchEvent.Type.MODIFIED || event.old().isEmpty()) {
      addSelecting(services, pod, pod, now);
      return List.copyOf(now);
    }
    Pod old = (Pod) event.old().get();
    if (old.metadata().resourceVersion() == pod.metadata().resourceVersion()) {
      return List.of();
    }
    boolean endpointChanged = endpointChanged(old, pod);
    boolean membershipMayChange = !old.metadata().labels().equals(pod.metadata().labels())
        || !old.spec().hostname().equals(pod.spec().hostname())
        || !old.spec().subdomain().equals(pod.spec().subdomain());
    if (!endpointChanged && !membershipMayChange) {
      return List.of();
    }
    addSelecting(services, pod, pod, now);
    if (!membershipMayChange) {
      return List.copyOf(now);
    }
    TreeSet<NamespacedName> before = new TreeSet<>();
    addSelecting(services, old, pod, before);
    if (endpointChanged) {
      now.addAll(before);
      return List.copyOf(now);
    }
    // Upstream's determineNeededServiceUpdates: the Services the pod joined or left.
    TreeSet<NamespacedName> joinedOrLeft = new TreeSet<>(now);
    joinedOrLeft.removeAll(before);
    before.removeAll(now);
    joinedOrLeft.addAll(before);
    return List.copyOf(joinedOrLeft);
  }

  /** Upstream's {@code podEndpointsChanged}, first result: what a pod's endpoint shows moved. */
  private static boolean endpointChanged(Pod old, Pod pod) {
    return !old.metadata().deletionTimestamp().equals(pod.metadata().deletionTimestamp())
        || old.isReady() != pod.isReady()
        || !podIPs(old).equals(podIPs(pod));
  }

  /**
   * The Services of {@code pod}'s namespace whose selector matches {@code labelsOf}'s labels:
   * only those indexed under one of its label pairs can, so a pod event costs its labels, not
   * the namespace's Services.
   */
  private static void addSelecting(Informer<Service> services, Pod labelsOf, Pod pod,
      TreeSet<NamespacedName> out) {
    String namespace = pod.metadata().namespace();
    for (Map.Entry<String, String> label : labelsOf.metadata().labels().asMap().entrySet()) {
      for (Service service : services.byIndex(SELECTOR_INDEX,
          selectorKey(namespace, label.getKey(), label.getValue()))) {
        if (LabelSelector.matchLabels(service.spec().selector())
            .matches(labelsOf.metadata().labels())) {
          out.add(service.metadata().key());
        }
      }
    }
  }

  /**
   * {@return the pods of the Service's namespace its selector may match, by name}: with a
   * selector, only the pods carrying its first pair (from a label index, so a reconcile costs
   * the Service's pods, not the namespace's); without one, every pod of the namespace.
   */
  static List<Pod> candidates(Service service, Informer<Pod> pods) {
    String namespace = service.metadata().namespace();
    List<LabelPair> keys = selectorKeys(service);
    if (keys.isEmpty()) {
      return pods.list(namespace);
    }
    pods.ensureIndex(LABEL_INDEX, PodEndpoints::labelKeys);
    return pods.byIndex(LABEL_INDEX, keys.get(0));
  }

  /** Pods by each of their label pairs, per namespace. */
  static final String LABEL_INDEX = "metadata.labels";

  private static List<LabelPair> labelKeys(Pod pod) {
    List<LabelPair> keys = new ArrayList<>();
    pod.metadata().labels().asMap().forEach((k, v) ->
        keys.add(selectorKey(pod.metadata().namespace(), k, v)));
    return keys;
  }

  /** Services by one pair of their selector (its first key), per namespace. */
  static final String SELECTOR_INDEX = "spec.selector";

  /** {@return the index key of a Service with a selector: its namespace and first pair} */
  static List<LabelPair> selectorKeys(Service service) {
    if (!service.spec().hasSelector()) {
      return List.of();
    }
    Map.Entry<String, String> first = new TreeMap<>(service.spec().selector()).firstEntry();
    return List.of(selectorKey(service.metadata().namespace(), first.getKey(),
        first.getValue()));
  }

  private static LabelPair selectorKey(String namespace, String key, String value) {
    return new LabelPair(namespace, key, value);
  }

  /** One label pair in one namespace: the key of both label indexes. */
  private record LabelPair(String namespace, String key, String value) {}


  /** {@return the Service's endpoints of one family, one per selected pod, by pod name} */
  static List<PodEndpoint> of(Service service, List<Pod> podsInNamespace,
      Function<String, Optional<Node>> nodes, IpFamily family) {
    LabelSelector selector = LabelSelector.matchLabels(service.spec().selector());
    boolean publishNotReady = service.spec().publishNotReadyAddresses();
    List<PodEndpoint> out = new ArrayList<>();
    for (Pod pod : podsInNamespace) {
      if (!selector.matches(pod.metadata().labels()) || pod.status().phase().isTerminal()) {
        continue;
      }
      Optional<String> address = ServiceFamilies.address(podIPs(pod), family);
      Optional<Node> node = nodes.apply(pod.spec().nodeName());
      if (address.isEmpty() || (node.isEmpty() && !publishNotReady)) {
        continue;
      }
      out.add(new PodEndpoint(endpoint(service, pod, address.get(), node), ports(service, pod)));
    }
    return out;
  }

  private static List<String> podIPs(Pod pod) {
    return pod.status().podIPs().isEmpty() && !pod.status().podIP().isEmpty()
        ? List.of(pod.status().podIP()) : pod.status().podIPs();
  }

  private static Endpoint endpoint(Service service, Pod pod, String address,
      Optional<Node> node) {
    boolean serving = pod.isReady();
    boolean terminating = pod.metadata().isTerminating();
    boolean ready = service.spec().publishNotReadyAddresses() || (serving && !terminating);
    String hostname = !pod.spec().hostname().isEmpty()
        && pod.spec().subdomain().equals(service.metadata().name()) ? pod.spec().hostname() : "";
    String zone = node.map(n -> n.metadata().labels()).orElse(Labels.none()).get(ZONE_LABEL)
        .orElse("");
    return new Endpoint(ImmutableList.of(address),
        EndpointConditions.of(ready, serving, terminating), hostname, pod.spec().nodeName(), zone,
        Optional.of(TargetRef.to(pod)));
  }

  /** {@return the Service's ports as this pod serves them; ports it cannot serve are left out} */
  static List<EndpointPort> ports(Service service, Pod pod) {
    List<EndpointPort> ports = new ArrayList<>();
    for (ServicePort port : service.spec().ports()) {
      resolve(port, pod).ifPresent(number -> ports.add(new EndpointPort(port.name(),
          Optional.of(number), port.protocol(), port.appProtocol())));
    }
    return ports;
  }

  private static Optional<Integer> resolve(ServicePort port, Pod pod) {
    if (port.targetPort().isInt()) {
      return port.targetPort().intValue();
    }
    String name = port.targetPort().stringValue().orElseThrow();
    for (ContainerPort containerPort : pod.spec().allPorts()) {
      if (containerPort.name().equals(name) && containerPort.protocol() == port.protocol()) {
        return Optional.of(containerPort.containerPort());
      }
    }
    return Optional.empty();
  }
}
