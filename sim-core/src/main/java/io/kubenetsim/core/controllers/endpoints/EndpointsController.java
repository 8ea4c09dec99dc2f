package io.kubenetsim.core.controllers.endpoints;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.store.WorkQueue;
import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointAddress;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSubset;
import io.kubenetsim.model.Endpoints;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * kube-controller-manager's (legacy) endpoints controller: for every Service with a selector,
 * an Endpoints object of the same name whose subsets group addresses (of the Service's first
 * IP family) by port list, ready pods in {@code addresses}, not-ready ones in {@code
 * notReadyAddresses}, terminating pods left out
 * (unless the Service publishes not-ready addresses), and pods with no resolvable port left
 * out. At most 1000 addresses; beyond that it truncates and says so in the annotation
 * {@code endpoints.kubernetes.io/over-capacity: truncated}.
 */
public final class EndpointsController {
  static final int MAX_ADDRESSES = 1000;
  static final String OVER_CAPACITY = "endpoints.kubernetes.io/over-capacity";

  private final ApiStore store;
  private final Informer<Service> services;
  private final Informer<Pod> pods;
  private final Informer<Node> nodes;
  private final WorkQueue queue;

  public EndpointsController(Simulator sim, ApiStore store, Informer<Service> services,
      Informer<Pod> pods, Informer<Node> nodes) {
    this.store = store;
    this.services = services;
    this.pods = pods;
    this.nodes = nodes;
    this.queue = new WorkQueue(sim, this::reconcile);
    services.addHandler(this::onService);
    pods.addHandler(e -> PodEndpoints.servicesSelecting(e, services).forEach(queue::add));
  }

  private void onService(WatchEvent event) {
    Service service = (Service) event.object();
    if (event.type() == WatchEvent.Type.DELETED) {
      ObjectRef ref = new ObjectRef(Endpoints.KIND, service.metadata().namespace(),
          service.metadata().name());
      boolean ours = event.old().map(o -> ((Service) o).spec().hasSelector()).orElse(false);
      if (ours && store.get(ref).isPresent()) {
        store.remove(ref, "EndpointsDeleted", "its Service was deleted");
      }
      return;
    }
    queue.add(service.metadata().key());
  }

  private void reconcile(NamespacedName key) {
    Optional<Service> found = services.get(key);
    if (found.isEmpty() || !found.get().spec().hasSelector()
        || ServiceType.EXTERNAL_NAME.toString().equals(found.get().spec().type())) {
      return; // as upstream (kubernetes#105986): an ExternalName Service receives no endpoints
    }
    Service service = found.get();
    List<EndpointSubset> subsets = subsets(service);
    int total = subsets.stream().mapToInt(s -> s.addresses().size()
        + s.notReadyAddresses().size()).sum();
    Map<String, String> annotations = total > MAX_ADDRESSES
        ? Map.of(OVER_CAPACITY, "truncated") : Map.of();
    List<EndpointSubset> kept = total > MAX_ADDRESSES ? truncate(subsets) : subsets;
    ObjectMeta meta = ObjectMeta.named(key.namespace(), key.name())
        .withLabels(SliceLabels.forEndpoints(service)).withAnnotations(annotations);
    Endpoints desired = new Endpoints(meta, ImmutableList.copyOf(kept));
    Optional<Endpoints> stored = store.get(Endpoints.class, key);
    String detail = kept.stream().mapToInt(s -> s.addresses().size()).sum() + " ready, "
        + kept.stream().mapToInt(s -> s.notReadyAddresses().size()).sum() + " not ready";
    if (stored.isEmpty()) {
      store.create(desired, "EndpointsCreated", detail);
    } else {
      store.patch(Endpoints.class, key, e -> new Endpoints(e.metadata().withLabels(
          meta.labels()).withAnnotations(annotations), desired.subsets()),
          "EndpointsUpdated", detail);
    }
  }

  private List<EndpointSubset> subsets(Service service) {
    boolean publishNotReady = service.spec().publishNotReadyAddresses();
    Map<List<EndpointPort>, List<List<EndpointAddress>>> groups = new LinkedHashMap<>();
    for (PodEndpoint pe : PodEndpoints.of(service, PodEndpoints.candidates(service, pods),
        name -> nodes.get(NamespacedName.of("", name)), ServiceFamilies.primary(service))) {
      Endpoint e = pe.endpoint();
      if ((pe.ports().isEmpty() && !service.spec().ports().isEmpty())
          || (e.conditions().isTerminating() && !publishNotReady)) {
        continue;
      }
      List<List<EndpointAddress>> group = groups.computeIfAbsent(pe.ports(),
          p -> List.of(new ArrayList<>(), new ArrayList<>()));
      EndpointAddress address = new EndpointAddress(pe.address(), e.hostname(), e.nodeName(),
          e.targetRef());
      group.get(e.conditions().isReady() ? 0 : 1).add(address);
    }
    List<EndpointSubset> out = new ArrayList<>();
    Comparator<EndpointAddress> byIp = Comparator.comparing(EndpointAddress::ip);
    groups.forEach((ports, lists) -> out.add(new EndpointSubset(
        ImmutableList.sortedCopyOf(byIp, lists.get(0)),
        ImmutableList.sortedCopyOf(byIp, lists.get(1)), ImmutableList.copyOf(ports))));
    return out;
  }

  private static List<EndpointSubset> truncate(List<EndpointSubset> subsets) {
    List<EndpointSubset> out = new ArrayList<>();
    int room = MAX_ADDRESSES;
    for (EndpointSubset s : subsets) {
      List<EndpointAddress> ready = s.addresses().subList(0, Math.min(room,
          s.addresses().size()));
      room -= ready.size();
      List<EndpointAddress> notReady = s.notReadyAddresses().subList(0, Math.min(room,
          s.notReadyAddresses().size()));
      room -= notReady.size();
      if (!ready.isEmpty() || !notReady.isEmpty()) {
        out.add(new EndpointSubset(ImmutableList.copyOf(ready), ImmutableList.copyOf(notReady),
            s.ports()));
      }
    }
    return out;
  }
}
