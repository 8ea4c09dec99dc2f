package io.kubenetsim.core.dns;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.engine.VirtualClock;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodPhase;
import io.kubenetsim.model.Service;
import io.kubenetsim.net.IpAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What CoreDNS's kubernetes plugin knows of the cluster — upstream's {@code dnsControl} and its
 * informer caches ({@code plugin/kubernetes/controller.go}) — shared by every CoreDNS process
 * of the simulation, since they all watch the same API through the same lag. It watches
 * Services, EndpointSlices, Pods and Namespaces and keeps the indexes upstream keeps: Services
 * by namespace and name, ready endpoints per Service merged over its slices, cluster IP →
 * Services and endpoint IP → slices (for PTR), pod IP → pods (for {@code pods verified}).
 *
 * <p>Each event updates only its object's entries: a slice change rebuilds the merged
 * endpoints of its one Service, never the zone. The SOA serial is the Unix second (virtual
 * clock) of the last change that altered records, as upstream's {@code updateModified} and
 * {@code detectChanges} keep it: any add or delete, and updates that change a Service's ports
 * or ExternalName, a slice's addresses or ports, or a pod's IP. Namespace events do not move
 * it (upstream's namespace informer has no handlers).
 *
 * <p>Pods as upstream's pod informer sees them: pods in phase Succeeded, Failed or Unknown are
 * gone (its field selector), and a terminating pod is not added and its update is ignored, so
 * it keeps the entry it had ({@code object.ToPod} returns {@code errPodTerminating}).
 *
 * <pre>{@code
 * KubernetesZone zone = new KubernetesZone(services, slices, pods, namespaces, sim.clock());
 * sim.runFor(lag);                 // the informers deliver
 * zone.markSynced();               // CoreDNS answers SERVFAIL instead of NXDOMAIN until then
 * zone.service("shop", "web");     // Optional[ZoneService ...]
 * }</pre>
 *
 * <p>Simplification: the zone watches pods even when no server runs {@code pods verified}, so
 * pod IP changes move the serial in every configuration. Confined to the simulation thread.
 */
public final class KubernetesZone {
  private final VirtualClock clock;
  private final Set<String> namespaces = new HashSet<>();
  private final Map<String, Map<String, ZoneService>> services = new HashMap<>();
  private final Map<NamespacedName, ZoneSlice> slices = new HashMap<>();
  private final Map<NamespacedName, TreeMap<String, ZoneSlice>> slicesByService =
      new HashMap<>();
  private final Map<NamespacedName, ServiceEndpoints> endpoints = new HashMap<>();
  private final Map<IpAddress, TreeSet<NamespacedName>> servicesByIp = new HashMap<>();
  private final Map<IpAddress, TreeMap<NamespacedName, ZoneSlice>> slicesByIp = new HashMap<>();
  private final Map<NamespacedName, String> podIps = new HashMap<>();
  private final Map<String, TreeSet<NamespacedName>> podsByIp = new HashMap<>();
  private long modifiedSeconds;
  private boolean synced;

  /** Watches these informers (CoreDNS's view, with their lag), starting from what they show. */
  public KubernetesZone(Informer<Service> services, Informer<EndpointSlice> slices,
      Informer<Pod> pods, Informer<Namespace> namespaces, VirtualClock clock) {
    this.clock = clock;
    namespaces.list().forEach(n -> this.namespaces.add(n.metadata().name()));
    services.list().forEach(this::putService);
    slices.list().forEach(this::putSlice);
    pods.list().forEach(this::putPod);
    if (!this.services.isEmpty() || !this.slices.isEmpty() || !podIps.isEmpty()) {
      touch();
    }
    namespaces.addHandler(this::onNamespace);
    services.addHandler(e -> onChange(e.type() == WatchEvent.Type.DELETED
        ? removeService((Service) e.object()) : putService((Service) e.object())));
    slices.addHandler(e -> onChange(e.type() == WatchEvent.Type.DELETED
        ? removeSlice(((EndpointSlice) e.object()).metadata().key())
        : putSlice((EndpointSlice) e.object())));
    pods.addHandler(e -> onChange(e.type() == WatchEvent.Type.DELETED
        ? removePod(((Pod) e.object()).metadata().key()) : putPod((Pod) e.object())));
  }

  /** {@return whether the integrator has declared the informers synced} */
  public boolean synced() {
    return synced;
  }

  /**
   * Declares the informers synced: before this, a name the plugin cannot find is SERVFAIL
   * rather than NXDOMAIN (upstream's {@code HasSynced} check in {@code ServeDNS}).
   */
  public void markSynced() {
    synced = true;
  }

  /** {@return the SOA serial: Unix seconds (virtual) of the last change that altered records} */
  public long serial() {
    return modifiedSeconds;
  }

  /** {@return whether the namespace exists in CoreDNS's view} */
  public boolean namespaceExists(String namespace) {
    return namespaces.contains(namespace);
  }

  /** {@return the namespaces CoreDNS sees, sorted} */
  public List<String> namespaces() {
    return List.copyOf(new TreeSet<>(namespaces));
  }

  /** {@return the Service, as the plugin keeps it} */
  Optional<ZoneService> service(String namespace, String name) {
    Map<String, ZoneService> inNamespace = services.get(namespace);
    return inNamespace == null ? Optional.empty() : Optional.ofNullable(inNamespace.get(name));
  }

  /** {@return the same as {@link #service}, or null: the answer path's allocation-free form} */
  ZoneService serviceOrNull(String namespace, String name) {
    Map<String, ZoneService> inNamespace = services.get(namespace);
    return inNamespace == null ? null : inNamespace.get(name);
  }

  /** {@return every Service the plugin keeps, by namespace and name} */
  public List<NamespacedName> services() {
    TreeSet<NamespacedName> out = new TreeSet<>();
    services.values().forEach(m -> m.values().forEach(s -> out.add(s.key())));
    return List.copyOf(out);
  }

  /** {@return the ready endpoints of a Service over all its slices (none when it has none)} */
  ServiceEndpoints endpoints(NamespacedName service) {
    return endpoints.getOrDefault(service, ServiceEndpoints.NONE);
  }

  /** {@return the Services with this cluster IP, sorted (upstream's {@code SvcIndexReverse})} */
  List<ZoneService> servicesWithClusterIp(IpAddress ip) {
    TreeSet<NamespacedName> keys = servicesByIp.get(ip);
    if (keys == null) {
      return List.of();
    }
    List<ZoneService> out = new ArrayList<>();
    keys.forEach(k -> service(k.namespace(), k.name()).ifPresent(out::add));
    return out;
  }

  /**
   * {@return the slices holding this ready address, by slice name} (upstream's {@code
   * EpIndexReverse})
   */
  List<ZoneSlice> slicesHolding(IpAddress ip) {
    TreeMap<NamespacedName, ZoneSlice> holding = slicesByIp.get(ip);
    return holding == null ? List.of() : List.copyOf(holding.values());
  }

  /** {@return the pods whose {@code status.podIP} is this text, sorted} */
  List<NamespacedName> podsWithIp(String ip) {
    TreeSet<NamespacedName> pods = podsByIp.get(ip);
    return pods == null ? List.of() : List.copyOf(pods);
  }

  private void onNamespace(WatchEvent event) {
    String name = event.object().metadata().name();
    if (event.type() == WatchEvent.Type.DELETED) {
      namespaces.remove(name);
    } else {
      namespaces.add(name);
    }
  }

  private void onChange(boolean changedRecords) {
    if (changedRecords) {
      touch();
    }
  }

  private void touch() {
    modifiedSeconds = clock.now().getEpochSecond();
  }

  private boolean putService(Service service) {
    ZoneService entry = ZoneService.of(service);
    ZoneService old = services.computeIfAbsent(entry.key().namespace(), k -> new HashMap<>())
        .put(entry.key().name(), entry);
    if (old != null) {
      old.clusterIps().forEach(ip -> unindex(servicesByIp, ip, old.key()));
    }
    entry.clusterIps().forEach(ip -> servicesByIp.computeIfAbsent(ip, k -> new TreeSet<>())
        .add(entry.key()));
    return old == null || entry.changesRecordsOf(old);
  }

  private boolean removeService(Service service) {
    NamespacedName key = service.metadata().key();
    Map<String, ZoneService> inNamespace = services.get(key.namespace());
    ZoneService old = inNamespace == null ? null : inNamespace.remove(key.name());
    if (old == null) {
      return false;
    }
    if (inNamespace.isEmpty()) {
      services.remove(key.namespace());
    }
    old.clusterIps().forEach(ip -> unindex(servicesByIp, ip, key));
    return true;
  }

  private boolean putSlice(EndpointSlice slice) {
    Optional<ZoneSlice> entry = ZoneSlice.of(slice);
    if (entry.isEmpty()) {
      return removeSlice(slice.metadata().key());
    }
    ZoneSlice old = slices.get(entry.get().key());
    if (old != null) {
      dropSlice(old);
    }
    addSlice(entry.get());
    return old == null || entry.get().changesRecordsOf(old);
  }

  private boolean removeSlice(NamespacedName key) {
    ZoneSlice old = slices.get(key);
    if (old == null) {
      return false;
    }
    dropSlice(old);
    return true;
  }

  private void addSlice(ZoneSlice slice) {
    slices.put(slice.key(), slice);
    slicesByService.computeIfAbsent(slice.service(), k -> new TreeMap<>())
        .put(slice.key().name(), slice);
    slice.addresses().forEach(e -> slicesByIp.computeIfAbsent(e.address(), k -> new TreeMap<>())
        .put(slice.key(), slice));
    remerge(slice.service());
  }

  private void dropSlice(ZoneSlice slice) {
    slices.remove(slice.key());
    TreeMap<String, ZoneSlice> ofService = slicesByService.get(slice.service());
    ofService.remove(slice.key().name());
    if (ofService.isEmpty()) {
      slicesByService.remove(slice.service());
    }
    slice.addresses().forEach(e -> unmap(slicesByIp, e.address(), slice.key()));
    remerge(slice.service());
  }

  /** Rebuilds the merged endpoints of one Service from its slices. */
  private void remerge(NamespacedName service) {
    TreeMap<String, ZoneSlice> ofService = slicesByService.get(service);
    if (ofService == null) {
      endpoints.remove(service);
    } else {
      endpoints.put(service, ServiceEndpoints.of(ofService.values()));
    }
  }

  private boolean putPod(Pod pod) {
    NamespacedName key = pod.metadata().key();
    PodPhase phase = pod.status().phase();
    if (phase == PodPhase.SUCCEEDED || phase == PodPhase.FAILED || phase == PodPhase.UNKNOWN) {
      return removePod(key);
    }
    if (pod.metadata().isTerminating()) {
      return false;
    }
    String ip = pod.status().podIP();
    String old = podIps.put(key, ip);
    if (old != null) {
      unindex(podsByIp, old, key);
    }
    if (!ip.isEmpty()) {
      podsByIp.computeIfAbsent(ip, k -> new TreeSet<>()).add(key);
    }
    return old == null || !old.equals(ip);
  }

  private boolean removePod(NamespacedName key) {
    String old = podIps.remove(key);
    if (old == null) {
      return false;
    }
    unindex(podsByIp, old, key);
    return true;
  }

  private static <K, V> void unindex(Map<K, ? extends SortedSet<V>> index, K key,
      V value) {
    SortedSet<V> set = index.get(key);
    if (set != null) {
      set.remove(value);
      if (set.isEmpty()) {
        index.remove(key);
      }
    }
  }

  private static <K, V> void unmap(Map<K, TreeMap<NamespacedName, V>> index, K key,
      NamespacedName value) {
    TreeMap<NamespacedName, V> map = index.get(key);
    if (map != null) {
      map.remove(value);
      if (map.isEmpty()) {
        index.remove(key);
      }
    }
  }
}
