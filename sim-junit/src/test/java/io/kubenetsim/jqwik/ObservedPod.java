package io.kubenetsim.jqwik;

import io.kubenetsim.Cluster;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Pod;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A pod of a running cluster as the properties' expectations need it, read once through the
 * public API: where it lives, its labels, address, readiness and declared ports.
 *
 * @param key {@code namespace/name}, as reachability tables name pods
 */
record ObservedPod(String key, String namespace, String name, Labels labels,
    Optional<IpAddress> ip, String node, boolean ready, boolean terminating,
    List<ContainerPort> ports) {

  /** The namespace kube-netsim runs CoreDNS in; tests leave its pods out. */
  static final String KUBE_SYSTEM = "kube-system";

  static ObservedPod of(Pod pod) {
    return new ObservedPod(pod.metadata().key().toString(), pod.metadata().namespace(),
        pod.metadata().name(), pod.metadata().labels(), pod.ip().map(IpAddress::parse),
        pod.spec().nodeName(), pod.isReady(), pod.metadata().isTerminating(),
        pod.spec().allPorts());
  }

  /** {@return the pods of every namespace but kube-system, by namespace and name} */
  static List<ObservedPod> all(Cluster cluster) {
    return cluster.list(Pod.class).stream()
        .filter(p -> !p.metadata().namespace().equals(KUBE_SYSTEM)).map(ObservedPod::of)
        .toList();
  }

  /** {@return the pods by {@code namespace/name}, in that order} */
  static Map<String, ObservedPod> byKey(Cluster cluster) {
    Map<String, ObservedPod> pods = new TreeMap<>();
    all(cluster).forEach(p -> pods.put(p.key(), p));
    return pods;
  }

  /** {@return the container port with this name and protocol, if the pod declares one} */
  Optional<ContainerPort> port(String portName, Protocol protocol) {
    return ports.stream().filter(p -> p.name().equals(portName) && p.protocol() == protocol)
        .findFirst();
  }

  /** {@return whether a container of the pod declares this port number and protocol} */
  boolean listensOn(int port, Protocol protocol) {
    return ports.stream().anyMatch(p -> p.containerPort() == port && p.protocol() == protocol);
  }

  /** {@return whether kube-proxy may send it traffic: ready, not terminating, with an IP} */
  boolean isServing() {
    return ready && !terminating && ip.isPresent();
  }
}
