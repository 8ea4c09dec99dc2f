package io.kubenetsim.core;

import io.kubenetsim.core.policy.NetworkPolicyEngine;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.Reachability;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link io.kubenetsim.Cluster}'s reachability tables: NetworkPolicy's verdicts over pods ×
 * pods (the engine's matrix), or pods × Services, where a Service is reached through its ready
 * backends as kube-proxy would send a connection — allowed when the policy lets the pod reach
 * every one of them at its targetPort (kube-proxy may pick any), denied when it has none. With
 * enforcement off every pod pair is allowed, as a plugin that ignores policies allows it.
 */
final class Reachabilities {
  private final ApiStore store;
  private final Optional<NetworkPolicyEngine> engine;

  Reachabilities(ApiStore store, Optional<NetworkPolicyEngine> engine) {
    this.store = store;
    this.engine = engine;
  }

  /**
   * {@return pods (namespace/name) × pods, policy verdicts only} A pod the network plugin's
   * agents do not show yet (created within their lag) is judged as they would judge it — as no
   * pod at all, so no policy applies to it — the way a connection's checks treat it.
   */
  Reachability pods(List<String> from, List<String> to, int port, Protocol protocol) {
    List<NamespacedName> sources = existing(from);
    List<NamespacedName> destinations = existing(to);
    List<String> rows = names(sources);
    List<String> columns = names(destinations);
    if (engine.isEmpty()) {
      return Reachability.ofCells(port, protocol, rows, columns, (r, c) -> true);
    }
    NetworkPolicyEngine agents = engine.get();
    List<NamespacedName> seenFrom = sources.stream().filter(agents::sees).toList();
    List<NamespacedName> seenTo = destinations.stream().filter(agents::sees).toList();
    Reachability seen = agents.reachability(seenFrom, seenTo, port, protocol);
    return Reachability.ofCells(port, protocol, rows, columns, (r, c) ->
        !agents.sees(sources.get(r)) || !agents.sees(destinations.get(c))
            || seen.allowed(rows.get(r), columns.get(c)));
  }

  private static List<String> names(List<NamespacedName> keys) {
    return keys.stream().map(NamespacedName::toString).toList();
  }

  /** {@return the pods of these namespaces (every one but kube-system when none), sorted} */
  List<String> podsIn(List<String> namespaces) {
    return keysIn(Pod.class, namespaces);
  }

  /** {@return the Services of these namespaces (every one but kube-system when none), sorted} */
  List<String> servicesIn(List<String> namespaces) {
    return keysIn(Service.class, namespaces);
  }

  private List<String> keysIn(Class<? extends KubernetesObject> type, List<String> namespaces) {
    return store.list(type).stream()
        .filter(o -> namespaces.isEmpty() ? !o.metadata().namespace().equals("kube-system")
            : namespaces.contains(o.metadata().namespace()))
        .map(o -> o.metadata().key().toString()).toList();
  }

  /** {@return pods × Services on a Service port} */
  Reachability services(List<String> from, List<String> to, int port, Protocol protocol) {
    List<NamespacedName> sources = existing(from);
    List<Optional<IpAddress>> sourceIps = new ArrayList<>();
    for (NamespacedName source : sources) {
      sourceIps.add(store.get(Pod.class, source).flatMap(Pod::ip).flatMap(IpAddress::tryParse));
    }
    List<String> columns = new ArrayList<>();
    List<List<HostPort>> backends = new ArrayList<>();
    for (String name : to) {
      NamespacedName key = NamespacedName.parse(name);
      Service service = store.get(Service.class, key).orElseThrow(() ->
          ApiStore.notFound(new ObjectRef(Service.KIND, key.namespace(), key.name())));
      columns.add(key.toString());
      backends.add(readyBackends(service, port, protocol));
    }
    return Reachability.ofCells(port, protocol, names(sources), columns, (r, c) ->
        sourceIps.get(r).isPresent() && !backends.get(c).isEmpty()
            && backends.get(c).stream().allMatch(backend -> engine.map(e -> e.allows(
                sourceIps.get(r).get(), sourceIps.get(r).get(), backend.ip(), backend.port(),
                protocol)).orElse(true)));
  }

  private List<HostPort> readyBackends(Service service, int port, Protocol protocol) {
    Optional<ServicePort> servicePort = service.spec().ports().stream()
        .filter(p -> p.port() == port && p.protocol() == protocol).findFirst();
    if (servicePort.isEmpty()) {
      return List.of();
    }
    List<HostPort> out = new ArrayList<>();
    for (EndpointSlice slice : store.list(EndpointSlice.class,
        service.metadata().namespace())) {
      if (!slice.serviceName().equals(service.metadata().name())) {
        continue;
      }
      Optional<Integer> target = slice.ports().stream()
          .filter(p -> p.name().equals(servicePort.get().name()) && p.protocol() == protocol)
          .map(EndpointPort::port).flatMap(Optional::stream).findFirst();
      for (Endpoint endpoint : slice.endpoints()) {
        if (target.isPresent() && endpoint.conditions().isReady()) {
          endpoint.addresses().stream().map(IpAddress::tryParse).flatMap(Optional::stream)
              .forEach(ip -> out.add(HostPort.of(ip, target.get())));
        }
      }
    }
    return out;
  }

  /** {@return the pods' keys} @throws io.kubenetsim.ApiException NotFound for a missing one */
  private List<NamespacedName> existing(List<String> pods) {
    List<NamespacedName> keys = new ArrayList<>();
    for (String pod : pods) {
      NamespacedName key = NamespacedName.parse(pod);
      if (store.get(Pod.class, key).isEmpty()) {
        throw ApiStore.notFound(new ObjectRef(Pod.KIND, key.namespace(), key.name()));
      }
      keys.add(key);
    }
    return keys;
  }
}
