package io.kubenetsim.core;

import io.kubenetsim.Connection;
import io.kubenetsim.PortForward;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.model.Condition;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodPhase;
import io.kubenetsim.model.ReplicaSet;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code kubectl port-forward} as kubectl resolves it: for a Service or workload, the pods its
 * selector matches, of which kubectl takes the "most active" one (scheduled, Running, Ready,
 * ready longest, fewest restarts, oldest — {@code podutils.ActivePods} reversed); for a
 * Service, the remote port is a service port (number or name) translated to that pod's
 * targetPort. UDP ports are refused, as kubectl refuses them.
 */
final class PortForwards {
  private static final Comparator<Pod> MOST_ACTIVE_FIRST = Comparator
      .comparing((Pod p) -> p.spec().nodeName().isEmpty())
      .thenComparing(p -> p.status().phase() != PodPhase.RUNNING)
      .thenComparing(p -> !p.isReady())
      .thenComparing(PortForwards::readySince)
      .thenComparing(p -> p.status().restartCount())
      .thenComparing(p -> p.metadata().creationTimestamp().orElse(Instant.MAX))
      .thenComparing(p -> p.metadata().name());

  private PortForwards() {}

  static PortForward open(ControlPlane plane, String target, int localPort, String remote) {
    String[] parts = target.split("/");
    if (parts.length != 3) {
      throw new IllegalArgumentException("port-forward target \"" + target + "\": expected "
          + "kind/namespace/name, e.g. svc/shop/web or pod/shop/web-0");
    }
    String kind = parts[0].toLowerCase(Locale.ROOT);
    NamespacedName key = NamespacedName.of(parts[1], parts[2]);
    Pod pod;
    int port;
    if (kind.equals("svc") || kind.equals("service")) {
      Service service = get(plane, Service.class, Service.KIND, key);
      pod = mostActive(plane, key.namespace(), LabelSelector.matchLabels(
          service.spec().selector()), target);
      port = servicePortOn(service, remote, pod);
    } else {
      pod = switch (kind) {
        case "pod", "po" -> get(plane, Pod.class, Pod.KIND, key);
        case "deploy", "deployment" -> mostActive(plane, key.namespace(),
            get(plane, Deployment.class, Deployment.KIND, key).spec().selector(), target);
        case "rs", "replicaset" -> mostActive(plane, key.namespace(),
            get(plane, ReplicaSet.class, ReplicaSet.KIND, key).spec().selector(), target);
        default -> throw new IllegalArgumentException("cannot port-forward to a " + parts[0]
            + ": use pod, svc, deploy or rs");
      };
      port = containerPort(pod, remote);
    }
    if (pod.status().phase() != PodPhase.RUNNING) {
      throw new IllegalStateException("unable to forward port because pod is not running. "
          + "Current status=" + pod.status().phase());
    }
    return forward(plane, pod, localPort, port);
  }

  private static PortForward forward(ControlPlane plane, Pod pod, int localPort, int port) {
    String name = pod.metadata().key().toString();
    IpAddress ip = IpAddress.parse(pod.spec().hostNetwork() ? pod.status().hostIP()
        : pod.status().podIP());
    String node = pod.spec().nodeName();
    return new PortForward() {
      @Override
      public int localPort() {
        return localPort;
      }

      @Override
      public String pod() {
        return name;
      }

      @Override
      public int podPort() {
        return port;
      }

      @Override
      public Connection connect() {
        return plane.lastConnection.record(plane.dataplane.forwarded(name, ip, node, localPort,
            port));
      }

      @Override
      public String toString() {
        return "Forwarding from 127.0.0.1:" + localPort + " -> " + port + " (pod " + name + ")";
      }
    };
  }

  private static <T extends io.kubenetsim.model.KubernetesObject> T get(ControlPlane plane,
      Class<T> type, String kind, NamespacedName key) {
    ObjectRef ref = ObjectRef.namespaced(kind, key);
    return plane.store.get(type, key).orElseThrow(() -> ApiStore.notFound(ref));
  }

  private static Pod mostActive(ControlPlane plane, String namespace, LabelSelector selector,
      String target) {
    List<Pod> pods = (selector.isEmpty() ? List.<Pod>of()
        : plane.store.list(Pod.class, namespace, selector)).stream()
        .filter(p -> !p.metadata().isTerminating())
        .sorted(MOST_ACTIVE_FIRST).toList();
    if (pods.isEmpty()) {
      throw new IllegalStateException("no running pod backs " + target + " (its selector "
          + selector + " matches none)");
    }
    return pods.get(0);
  }

  private static Instant readySince(Pod pod) {
    return pod.status().condition("Ready").filter(Condition::isTrue)
        .map(Condition::lastTransitionTime).orElse(Instant.MAX);
  }

  private static int servicePortOn(Service service, String remote, Pod pod) {
    ServicePort port = service.spec().ports().stream()
        .filter(p -> p.name().equals(remote) || String.valueOf(p.port()).equals(remote))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("Service "
            + service.metadata().key() + " does not have a service port " + remote));
    refuseUdp(port.protocol(), remote);
    if (service.spec().isHeadless() || port.targetPort().isInt()) {
      return port.targetPort().intValue().orElse(port.port());
    }
    return containerPort(pod, port.targetPort().stringValue().orElseThrow());
  }

  private static int containerPort(Pod pod, String remote) {
    if (remote.chars().allMatch(Character::isDigit)) {
      return Integer.parseInt(remote);
    }
    ContainerPort named = pod.spec().allPorts().stream().filter(p -> p.name().equals(remote))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("Pod "
            + pod.metadata().key() + " does not have a named port '" + remote + "'"));
    refuseUdp(named.protocol(), remote);
    return named.containerPort();
  }

  private static void refuseUdp(Protocol protocol, String remote) {
    if (protocol == Protocol.UDP) {
      // The request can never work, whatever the cluster's state: bad input, not a failed check.
      throw new IllegalArgumentException("UDP protocol is not supported for " + remote);
    }
  }
}
