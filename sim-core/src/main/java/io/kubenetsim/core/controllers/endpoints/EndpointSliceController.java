package io.kubenetsim.core.controllers.endpoints;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.controllers.OwnerIndex;
import io.kubenetsim.core.store.WorkQueue;
import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceType;
import io.kubenetsim.net.IpFamily;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * kube-controller-manager's EndpointSlice controller: for every Service with a selector, keeps
 * EndpointSlices (labelled with the service name and {@code managed-by
 * endpointslice-controller.k8s.io}, owned by the Service) listing the pods the selector
 * matches, with conditions ready / serving / terminating as upstream sets them, one set of
 * slices per address type the Service has, grouped by resolved port list and packed by {@link
 * SlicePlanner}. It reads Services, Pods, Nodes and slices through lagging informers, so its
 * slices trail the pods they describe.
 *
 * <p>Steps per Service, as upstream's {@code syncService} and {@code Reconcile}: (1) skip
 * Services without a selector (their slices are the user's); (2) list the slices labelled with
 * the Service's name and this controller's managed-by value; (3) delete those of an address
 * type the Service lacks or not owned by it ({@link ExistingSlices}), whoever wrote them; (4)
 * per address type, compute the desired endpoints ({@link PodEndpoints}) and plan against the
 * Service's own slices of that type; (5) write creates, updates and deletes. Slices with
 * another managed-by value are never touched.
 *
 * <p>A slice's own add, update or delete queues its Service when the slice carries this
 * controller's managed-by value before or after the change, or when its service-name label
 * changed (then both Services), as upstream's {@code onEndpointSlice*} handlers do; a slice
 * applied by hand is thus judged on its own event, without a rescan.
 */
public final class EndpointSliceController {
  /** The slice informer index by {@code namespace/service-name} label. */
  public static final String SERVICE_INDEX = "kubernetes.io/service-name";

  private final ApiStore store;
  private final Informer<Service> services;
  private final Informer<Pod> pods;
  private final Informer<Node> nodes;
  private final Informer<EndpointSlice> slices;
  private final int maxPerSlice;
  private final WorkQueue queue;
  private final OwnWrites ownWrites = new OwnWrites();
  /** Services whose reconcile waits for the cache to show its writes; tested, never iterated. */
  private final Set<NamespacedName> deferred = new HashSet<>();

  public EndpointSliceController(Simulator sim, ApiStore store, Informer<Service> services,
      Informer<Pod> pods, Informer<Node> nodes, Informer<EndpointSlice> slices,
      int maxPerSlice) {
    this.store = store;
    this.services = services;
    this.pods = pods;
    this.nodes = nodes;
    this.slices = slices;
    this.maxPerSlice = maxPerSlice;
    this.queue = new WorkQueue(sim, this::reconcile);
    services.addHandler(e -> queue.add(e.object().metadata().key()));
    pods.addHandler(e -> PodEndpoints.servicesSelecting(e, services).forEach(queue::add));
    pods.ensureIndex(PodEndpoints.NODE_INDEX, p -> List.of(p.spec().nodeName()));
    nodes.addHandler(this::onNode);
    slices.addHandler(this::onSlice);
  }

  /**
   * A node's endpoints depend on it only through its existence and its zone, so only a node
   * that appears, goes or changes zone requeues the Services of the pods bound to it (upstream
   * syncs a Service whose pod's node was missing again, and reads zones from its node lister).
   */
  private void onNode(WatchEvent event) {
    Node node = (Node) event.object();
    boolean sameZone = event.type() == WatchEvent.Type.MODIFIED && event.old()
        .map(old -> PodEndpoints.zone(old.metadata().labels())
            .equals(PodEndpoints.zone(node.metadata().labels()))).orElse(false);
    if (sameZone) {
      return;
    }
    for (Pod pod : pods.byIndex(PodEndpoints.NODE_INDEX, node.metadata().name())) {
      PodEndpoints.servicesSelecting(pod, services).forEach(queue::add);
    }
  }

  /** {@return the index key of a slice: its namespace and service name} */
  public static List<String> indexKeys(EndpointSlice slice) {
    String service = slice.serviceName();
    return service.isEmpty() ? List.of() : List.of(slice.metadata().namespace() + "/" + service);
  }

  private void onSlice(WatchEvent event) {
    EndpointSlice slice = (EndpointSlice) event.object();
    boolean echo = ownWrites.observe(event);
    NamespacedName service = NamespacedName.of(slice.metadata().namespace(),
        slice.serviceName());
    if (!ownWrites.inFlight(service) && deferred.remove(service)) {
      queue.add(service); // the cache has caught up: run what waited for it
    }
    if (echo) {
      return; // the echo of this controller's own write: nothing new to reconcile
    }
    Optional<EndpointSlice> old = event.old().map(EndpointSlice.class::cast);
    if (old.isPresent() && !old.get().serviceName().equals(slice.serviceName())) {
      queueServiceOf(old.get());
      queueServiceOf(slice);
    } else if (managed(slice) || old.filter(EndpointSliceController::managed).isPresent()) {
      queueServiceOf(slice);
    }
  }

  private void queueServiceOf(EndpointSlice slice) {
    if (!slice.serviceName().isEmpty()) {
      queue.add(NamespacedName.of(slice.metadata().namespace(), slice.serviceName()));
    }
  }

  private static boolean managed(EndpointSlice slice) {
    return slice.metadata().labels().get(EndpointSlice.MANAGED_BY_LABEL)
        .filter(EndpointSlice.CONTROLLER_NAME::equals).isPresent();
  }

  private void reconcile(NamespacedName key) {
    Optional<Service> found = services.get(key);
    if (found.isEmpty() || !found.get().spec().hasSelector()
        || found.get().metadata().isTerminating()) {
      return; // gone (the garbage collector takes its slices) or its slices are the user's
    }
    if (ServiceType.EXTERNAL_NAME.toString().equals(found.get().spec().type())) {
      return; // as upstream (kubernetes#105986): an ExternalName Service receives no endpoints
    }
    if (ownWrites.inFlight(key)) {
      deferred.add(key); // the cache lags this controller's own writes: wait for them
      return;
    }
    Service service = found.get();
    List<IpFamily> families = ServiceFamilies.of(service);
    ExistingSlices existing = ExistingSlices.split(service, slices.byIndex(SERVICE_INDEX,
        key.namespace() + "/" + key.name()).stream()
        .filter(EndpointSliceController::managed).toList(), families);
    for (ExistingSlices.Stale stale : existing.stale()) {
      ownWrites.removing(stale.slice());
      store.remove(stale.slice().ref(), "EndpointSliceDeleted", stale.detail(service, families));
    }
    List<Pod> podsInNamespace = PodEndpoints.candidates(service, pods);
    for (IpFamily family : families) {
      Map<List<EndpointPort>, List<Endpoint>> desired = new LinkedHashMap<>();
      for (PodEndpoint pe : PodEndpoints.of(service, podsInNamespace,
          name -> nodes.get(NamespacedName.of("", name)), family)) {
        desired.computeIfAbsent(pe.ports(), p -> new ArrayList<>()).add(pe.endpoint());
      }
      List<EndpointSlice> owned = existing.owned(family);
      write(service, family, owned, SlicePlanner.plan(owned, desired, maxPerSlice));
    }
  }

  private void write(Service service, IpFamily family, List<EndpointSlice> existing,
      SlicePlan plan) {
    String name = service.metadata().name();
    for (EndpointSlice slice : plan.deletes()) {
      ownWrites.removing(slice);
      store.remove(slice.ref(), "EndpointSliceDeleted", "no longer needed by Service " + name);
    }
    for (EndpointSlice slice : plan.updates()) {
      patch(slice, s -> new EndpointSlice(s.metadata().withLabels(SliceLabels.forSlice(service,
              EndpointSlice.CONTROLLER_NAME)), s.addressType(), slice.endpoints(), slice.ports()),
          describe(slice.endpoints()));
    }
    for (EndpointSlice slice : existing) {
      if (!plan.deletes().contains(slice) && plan.updates().stream()
          .noneMatch(u -> u.metadata().key().equals(slice.metadata().key()))) {
        patch(slice, s -> s.withMetadata(s.metadata().withLabels(SliceLabels.forSlice(service,
            EndpointSlice.CONTROLLER_NAME))), "labels");
      }
    }
    for (SlicePlan.NewSlice fresh : plan.creates()) {
      ObjectMeta meta = ObjectMeta.named(service.metadata().namespace(), "")
          .withGenerateName(name + "-")
          .withLabels(SliceLabels.forSlice(service, EndpointSlice.CONTROLLER_NAME))
          .withOwnerReferences(List.of(OwnerIndex.controllerRef(service)));
      ownWrites.wrote(store.create(new EndpointSlice(meta, family.kubernetesName(),
          ImmutableList.copyOf(fresh.endpoints()), ImmutableList.copyOf(fresh.ports())),
          "EndpointSliceCreated", "for Service " + name + ": " + describe(fresh.endpoints())));
    }
  }

  /** Patches a slice, remembering the write only if the store made one (a no-op writes none). */
  private void patch(EndpointSlice slice, UnaryOperator<EndpointSlice> change, String detail) {
    long before = store.get(EndpointSlice.class, slice.metadata().key())
        .map(s -> s.metadata().resourceVersion()).orElse(-1L);
    store.patch(EndpointSlice.class, slice.metadata().key(), change, "EndpointSliceUpdated",
        detail).filter(after -> after.metadata().resourceVersion() != before)
        .ifPresent(ownWrites::wrote);
  }

  private static String describe(List<Endpoint> endpoints) {
    long ready = endpoints.stream().filter(e -> e.conditions().isReady()).count();
    return endpoints.size() + " endpoints, " + ready + " ready";
  }
}
