package io.kubenetsim.core.dns;

import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.DnsQuestion;
import io.kubenetsim.dns.DnsResponse;
import io.kubenetsim.dns.ResourceRecord;
import io.kubenetsim.model.UpstreamZone;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The DNS of the world outside the cluster: what the nodes' resolver (and any resolver on the
 * internet) answers, built from the cluster's {@link UpstreamZone} objects. Without any, every
 * outside name is NXDOMAIN, as a resolver that knows nothing says.
 *
 * <p>It watches the store directly, not through an informer: the outside world is not a
 * cluster component and does not lag behind the API. An object's change touches only the names
 * its old and new records hold, so a large zone is not rebuilt when one record changes.
 *
 * <pre>{@code
 * InternetDns internet = new InternetDns(store);
 * internet.answer(DnsQuestion.of("example.com", RecordType.A));   // from the UpstreamZones
 * }</pre>
 *
 * <p>Simplification: every outside resolver answers from the same records; there is no
 * recursion from the root, no TTL-based caching and no per-resolver view.
 */
public final class InternetDns {
  private final StaticZone zone = new StaticZone();
  /** Records by name key, then by the UpstreamZone object that holds them (sorted). */
  private final Map<String, TreeMap<String, List<ResourceRecord>>> byName = new HashMap<>();
  private final Map<String, List<ResourceRecord>> byObject = new HashMap<>();

  /** The outside world as the store's UpstreamZones describe it, kept up to date. */
  public InternetDns(ApiStore store) {
    store.list(UpstreamZone.class).forEach(z -> put(z.metadata().name(), z.records()));
    store.watch(this::onEvent);
  }

  /** {@return the outside world's answer to a question} */
  public DnsResponse answer(DnsQuestion question) {
    return zone.answer(question);
  }

  /** {@return every record the outside world holds, by name} */
  public List<ResourceRecord> records() {
    return zone.records();
  }

  private void onEvent(WatchEvent event) {
    if (event.object() instanceof UpstreamZone z) {
      put(z.metadata().name(), event.type() == WatchEvent.Type.DELETED ? List.of()
          : z.records());
    }
  }

  private void put(String object, List<ResourceRecord> records) {
    List<ResourceRecord> old = byObject.getOrDefault(object, List.of());
    Set<DnsName> touched = new TreeSet<>(java.util.Comparator.comparing(DnsName::key));
    for (ResourceRecord r : old) {
      touched.add(r.name());
      TreeMap<String, List<ResourceRecord>> holders = byName.get(r.name().key());
      if (holders != null) {
        holders.remove(object);
      }
    }
    for (ResourceRecord r : records) {
      touched.add(r.name());
      byName.computeIfAbsent(r.name().key(), k -> new TreeMap<>())
          .computeIfAbsent(object, k -> new java.util.ArrayList<>()).add(r);
    }
    if (records.isEmpty()) {
      byObject.remove(object);
    } else {
      byObject.put(object, List.copyOf(records));
    }
    for (DnsName name : touched) {
      zone.remove(name);
      TreeMap<String, List<ResourceRecord>> holders = byName.get(name.key());
      if (holders == null || holders.isEmpty()) {
        byName.remove(name.key());
        continue;
      }
      holders.values().forEach(rs -> rs.forEach(zone::add));
    }
  }
}
