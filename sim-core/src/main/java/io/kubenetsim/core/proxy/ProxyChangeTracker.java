package io.kubenetsim.core.proxy;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * kube-proxy's change trackers ({@code ServiceChangeTracker}, {@code EndpointsChangeTracker} in
 * {@code pkg/proxy}): Service and EndpointSlice events between two syncs mark their Service
 * changed, and a sync recomputes the service ports of those Services only — the address
 * parsing and endpoint sorting of every other Service is kept from the last sync. The result
 * equals {@link SnapshotBuilder#build} over the whole cluster (the property tested).
 *
 * <pre>{@code
 * ProxyChangeTracker tracker = new ProxyChangeTracker(services, slices);
 * ProxySnapshot next = tracker.snapshot(version);   // only what changed is recomputed
 * }</pre>
 */
public final class ProxyChangeTracker {
  /** The slices of each Service, by {@code namespace/service}, on the proxy's informer. */
  static final String SLICE_INDEX = "kube-proxy/service";

  private final Informer<Service> services;
  private final Informer<EndpointSlice> slices;
  private final TreeMap<NamespacedName, List<ServicePortInfo>> byService = new TreeMap<>();
  private final TreeSet<NamespacedName> changed = new TreeSet<>();
  private ProxySnapshot last = ProxySnapshot.empty();

  public ProxyChangeTracker(Informer<Service> services, Informer<EndpointSlice> slices) {
    this.services = services;
    this.slices = slices;
    slices.ensureIndex(SLICE_INDEX, ProxyChangeTracker::sliceKeys);
    services.list().forEach(s -> changed.add(s.metadata().key()));
    services.addHandler(this::onService);
    slices.addHandler(this::onSlice);
  }

  /**
   * {@return the rules' input now: the last snapshot with the changed Services' ports replaced}
   * (the first call: every Service)
   */
  public ProxySnapshot snapshot(long version) {
    List<ServicePortInfo> removed = new ArrayList<>();
    List<ServicePortInfo> added = new ArrayList<>();
    for (NamespacedName key : changed) {
      List<ServicePortInfo> ports = services.get(key).map(s -> SnapshotBuilder.ports(s,
          ipv4Slices(key))).orElse(List.of());
      List<ServicePortInfo> before = ports.isEmpty() ? byService.remove(key)
          : byService.put(key, ImmutableList.copyOf(ports));
      if (before != null) {
        removed.addAll(before);
      }
      added.addAll(ports);
    }
    changed.clear();
    last = last.changed(version, removed, added);
    return last;
  }

  private List<EndpointSlice> ipv4Slices(NamespacedName service) {
    return slices.byIndex(SLICE_INDEX, service.namespace() + "/" + service.name()).stream()
        .filter(slice -> slice.addressType().equals("IPv4")).toList();
  }

  private void onService(WatchEvent event) {
    changed.add(event.object().metadata().key());
  }

  private void onSlice(WatchEvent event) {
    EndpointSlice slice = (EndpointSlice) event.object();
    mark(slice);
    event.old().map(EndpointSlice.class::cast).ifPresent(this::mark);
  }

  private void mark(EndpointSlice slice) {
    if (!slice.serviceName().isEmpty()) {
      changed.add(NamespacedName.of(slice.metadata().namespace(), slice.serviceName()));
    }
  }

  private static List<String> sliceKeys(EndpointSlice slice) {
    return slice.serviceName().isEmpty() ? List.of()
        : List.of(slice.metadata().namespace() + "/" + slice.serviceName());
  }
}
