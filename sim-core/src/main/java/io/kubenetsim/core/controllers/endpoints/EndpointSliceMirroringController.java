package io.kubenetsim.core.controllers.endpoints;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.controllers.OwnerIndex;
import io.kubenetsim.core.store.WorkQueue;
import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointAddress;
import io.kubenetsim.model.EndpointConditions;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.EndpointSubset;
import io.kubenetsim.model.Endpoints;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * kube-controller-manager's EndpointSlice mirroring controller: Endpoints objects written by
 * hand for a Service without a selector are copied into EndpointSlices managed by {@code
 * endpointslicemirroring-controller.k8s.io} and owned by the Endpoints (ready addresses as
 * ready endpoints, not-ready ones as not ready), at most 1000 addresses, unless the Endpoints
 * carries the label {@code endpointslice.kubernetes.io/skip-mirror: "true"}.
 *
 * <p>As upstream's {@code syncEndpoints}, every slice with this controller's managed-by value
 * and the service name is its own, whoever wrote it and whatever its ownerReferences say
 * (there is no {@code ownedBy} check here): they are updated to the mirror, or all deleted
 * when there is nothing to mirror (no Endpoints, skip-mirror, no Service, or a Service with a
 * selector). A slice's own events queue its Service when it carries this managed-by value
 * before or after the change ({@code onEndpointSlice*}), so a hand-applied one is handled
 * without waiting for the Service or Endpoints to change.
 */
public final class EndpointSliceMirroringController {
  static final String SKIP_MIRROR = "endpointslice.kubernetes.io/skip-mirror";

  private final ApiStore store;
  private final Informer<Service> services;
  private final Informer<Endpoints> endpoints;
  private final Informer<EndpointSlice> slices;
  private final int maxPerSlice;
  private final WorkQueue queue;

  public EndpointSliceMirroringController(Simulator sim, ApiStore store,
      Informer<Service> services, Informer<Endpoints> endpoints, Informer<EndpointSlice> slices,
      int maxPerSlice) {
    this.store = store;
    this.services = services;
    this.endpoints = endpoints;
    this.slices = slices;
    this.maxPerSlice = maxPerSlice;
    this.queue = new WorkQueue(sim, this::reconcile);
    services.addHandler(e -> queue.add(e.object().metadata().key()));
    endpoints.addHandler(e -> queue.add(e.object().metadata().key()));
    slices.addHandler(this::onSlice);
  }

  private void onSlice(WatchEvent event) {
    EndpointSlice slice = (EndpointSlice) event.object();
    Optional<EndpointSlice> old = event.old().map(EndpointSlice.class::cast);
    for (EndpointSlice version : old.isPresent() ? List.of(old.get(), slice) : List.of(slice)) {
      if (mirrored(version) && !version.serviceName().isEmpty()) {
        queue.add(NamespacedName.of(version.metadata().namespace(), version.serviceName()));
      }
    }
  }

  private static boolean mirrored(EndpointSlice slice) {
    return slice.metadata().labels().get(EndpointSlice.MANAGED_BY_LABEL)
        .filter(EndpointSlice.MIRRORING_CONTROLLER_NAME::equals).isPresent();
  }

  private void reconcile(NamespacedName key) {
    Optional<Service> service = services.get(key);
    Optional<Endpoints> source = endpoints.get(key);
    List<EndpointSlice> existing = slices.byIndex(EndpointSliceController.SERVICE_INDEX,
        key.namespace() + "/" + key.name()).stream()
        .filter(EndpointSliceMirroringController::mirrored).toList();
    Optional<String> notMirrored = whyNotMirrored(key, service, source);
    if (notMirrored.isPresent()) {
      existing.forEach(s -> store.remove(s.ref(), "EndpointSliceDeleted", notMirrored.get()));
      return;
    }
    Map<List<EndpointPort>, List<Endpoint>> desired = desired(source.get());
    SlicePlan plan = desired.isEmpty()
        ? new SlicePlan(List.of(), List.of(), existing)
        : SlicePlanner.plan(existing, desired, maxPerSlice);
    for (EndpointSlice slice : plan.deletes()) {
      store.remove(slice.ref(), "EndpointSliceDeleted", "mirrored Endpoints changed");
    }
    for (EndpointSlice slice : plan.updates()) {
      store.patch(EndpointSlice.class, slice.metadata().key(), s -> new EndpointSlice(
          s.metadata(), s.addressType(), slice.endpoints(), slice.ports()),
          "EndpointSliceUpdated", "mirrored from Endpoints " + key.name());
    }
    for (SlicePlan.NewSlice fresh : plan.creates()) {
      ObjectMeta meta = ObjectMeta.named(key.namespace(), "").withGenerateName(key.name() + "-")
          .withLabels(SliceLabels.forSlice(service.get(),
              EndpointSlice.MIRRORING_CONTROLLER_NAME))
          .withOwnerReferences(List.of(OwnerIndex.controllerRef(source.get())));
      store.create(new EndpointSlice(meta, "IPv4", ImmutableList.copyOf(fresh.endpoints()),
          ImmutableList.copyOf(fresh.ports())), "EndpointSliceCreated",
          "mirrored from Endpoints " + key.name());
    }
  }

  /** {@return why nothing is mirrored for this key, in the order upstream checks, if so} */
  private static Optional<String> whyNotMirrored(NamespacedName key, Optional<Service> service,
      Optional<Endpoints> source) {
    if (source.isEmpty()) {
      return Optional.of("no Endpoints " + key + " to mirror");
    }
    if (source.get().metadata().labels().get(SKIP_MIRROR).filter("true"::equals).isPresent()) {
      return Optional.of("Endpoints " + key + " is labelled " + SKIP_MIRROR + "=true");
    }
    if (service.isEmpty()) {
      return Optional.of("no Service " + key + " for the mirrored Endpoints");
    }
    if (service.get().spec().hasSelector()) {
      return Optional.of("Service " + key + " has a selector: its slices are the "
          + EndpointSlice.CONTROLLER_NAME + "'s, not mirrored");
    }
    return Optional.empty();
  }

  private static Map<List<EndpointPort>, List<Endpoint>> desired(Endpoints source) {
    Map<List<EndpointPort>, List<Endpoint>> desired = new LinkedHashMap<>();
    int room = EndpointsController.MAX_ADDRESSES;
    for (EndpointSubset subset : source.subsets()) {
      List<Endpoint> group = desired.computeIfAbsent(subset.ports(), p -> new ArrayList<>());
      for (EndpointAddress address : subset.addresses()) {
        if (room-- > 0) {
          group.add(endpoint(address, true));
        }
      }
      for (EndpointAddress address : subset.notReadyAddresses()) {
        if (room-- > 0) {
          group.add(endpoint(address, false));
        }
      }
    }
    return desired;
  }

  private static Endpoint endpoint(EndpointAddress address, boolean ready) {
    return new Endpoint(ImmutableList.of(address.ip()), EndpointConditions.of(ready, ready,
        false), address.hostname(), address.nodeName(), "", address.targetRef());
  }
}
