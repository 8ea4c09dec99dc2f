package io.kubenetsim.core;

import io.kubenetsim.ExposeBuilder;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.KubernetesObject;

import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodSpec;
import io.kubenetsim.model.ReplicaSet;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.model.ServiceStatus;
import io.kubenetsim.net.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code kubectl expose} as kubectl builds the Service: the selector from the object (a pod's
 * labels, a workload's {@code matchLabels}, a Service's selector), the ports from {@code
 * --port} or from the object's container ports (one port unnamed; several named {@code
 * port-1}, {@code port-2}, …, or {@code port-<i>-<protocol>} when a number has several
 * protocols), targetPort {@code --target-port} or the port itself, name and labels from the
 * object.
 */
final class Expose {
  private Expose() {}

  static Service build(ApiStore store, ExposeBuilder.Options options) {
    String[] parts = options.target().split("/");
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException("expose target \"" + options.target() + "\": expected "
          + "namespace/name (a Deployment) or kind/namespace/name, e.g. pod/shop/debug");
    }
    String kind = parts.length == 3 ? kindOf(parts[0]) : Deployment.KIND;
    NamespacedName key = NamespacedName.of(parts[parts.length - 2], parts[parts.length - 1]);
    ObjectRef ref = ObjectRef.namespaced(kind, key);
    KubernetesObject object = store.get(ref).orElseThrow(() -> ApiStore.notFound(ref));
    Map<String, String> selector = selector(object);
    List<ServicePort> ports = ports(object, options);
    String name = options.name().orElse(key.name());
    ServiceSpec spec = ServiceSpec.of(selector, ports).with(b -> {
      b.type = options.type().map(Object::toString).orElse("");
      b.clusterIP = options.clusterIP().orElse("");
      b.externalIPs = options.externalIP().map(List::of).orElse(List.of());
      return b;
    });
    return new Service(ObjectMeta.named(key.namespace(), name.length() > 63
        ? name.substring(0, 63) : name).withLabels(object.metadata().labels()), spec,
        ServiceStatus.empty());
  }

  private static String kindOf(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "deployment", "deployments", "deploy" -> Deployment.KIND;
      case "replicaset", "replicasets", "rs" -> ReplicaSet.KIND;
      case "pod", "pods", "po" -> Pod.KIND;
      case "service", "services", "svc" -> Service.KIND;
      default -> throw new IllegalArgumentException("cannot expose a " + word
          + ": expose takes a deployment, replicaset, pod or service");
    };
  }

  private static Map<String, String> selector(KubernetesObject object) {
    if (object instanceof Pod pod) {
      if (pod.metadata().labels().isEmpty()) {
        throw new IllegalArgumentException("the pod has no labels and cannot be exposed");
      }
      return pod.metadata().labels().asMap();
    }
    if (object instanceof Service service) {
      if (!service.spec().hasSelector()) {
        throw new IllegalArgumentException("couldn't retrieve selectors via --selector flag or "
            + "introspection: the service has no selector");
      }
      return service.spec().selector();
    }
    var selector = object instanceof Deployment d ? d.spec().selector()
        : ((ReplicaSet) object).spec().selector();
    if (!selector.matchExpressions().isEmpty()) {
      throw new IllegalArgumentException("couldn't convert expressions - \"" + selector
          + "\" to map-based selector format");
    }
    return selector.matchLabels();
  }

  private static List<ServicePort> ports(KubernetesObject object, ExposeBuilder.Options o) {
    if (o.port().isPresent()) {
      int port = o.port().get();
      return List.of(new ServicePort("", o.protocol().orElse(Protocol.TCP), "", port,
          o.targetPort().orElse(IntOrString.of(port)), 0));
    }
    List<ContainerPort> found = new ArrayList<>();
    if (object instanceof Service service) {
      service.spec().ports().forEach(p -> found.add(new ContainerPort("", p.port(),
          p.protocol(), 0)));
    } else {
      podSpec(object).allPorts().forEach(found::add);
    }
    List<ContainerPort> unique = new ArrayList<>();
    for (ContainerPort p : found) {
      if (unique.stream().noneMatch(u -> u.containerPort() == p.containerPort()
          && u.protocol() == p.protocol())) {
        unique.add(p);
      }
    }
    if (unique.isEmpty()) {
      throw new IllegalArgumentException("couldn't find port via --port flag or introspection");
    }
    List<ServicePort> ports = new ArrayList<>();
    for (int i = 0; i < unique.size(); i++) {
      ContainerPort p = unique.get(i);
      boolean multiProtocol = unique.stream().filter(u -> u.containerPort() == p.containerPort())
          .count() > 1;
      String name = unique.size() == 1 ? "" : multiProtocol
          ? "port-" + (i + 1) + "-" + p.protocol().name().toLowerCase(Locale.ROOT)
          : "port-" + (i + 1);
      Protocol protocol = o.protocol().orElse(p.protocol());
      ports.add(new ServicePort(name, protocol, "", p.containerPort(),
          o.targetPort().orElse(IntOrString.of(p.containerPort())), 0));
    }
    return ports;
  }

  private static PodSpec podSpec(KubernetesObject object) {
    if (object instanceof Pod pod) {
      return pod.spec();
    }
    return object instanceof Deployment d ? d.spec().template().spec()
        : ((ReplicaSet) object).spec().template().spec();
  }

}
