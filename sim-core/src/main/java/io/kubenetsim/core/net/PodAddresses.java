package io.kubenetsim.core.net;

import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.model.Pod;
import io.kubenetsim.net.IpAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which pod holds which IP right now — the network's truth, not any component's lagging view.
 * Kept from the store's writes directly; hostNetwork pods are not here (they share their
 * node's address). It keeps the pod as last written, which is what the store holds, so a
 * delivery needs no second lookup by name.
 */
public final class PodAddresses {
  private final Map<IpAddress, Pod> byIp = new HashMap<>();

  public PodAddresses(ApiStore store) {
    store.watch(this::onChange);
  }

  /** {@return the pod holding this IP, as the store holds it now} */
  public Optional<Pod> holder(IpAddress ip) {
    return Optional.ofNullable(byIp.get(ip));
  }

  private void onChange(WatchEvent event) {
    if (!(event.object() instanceof Pod pod)) {
      return;
    }
    event.old().map(Pod.class::cast).flatMap(PodAddresses::ip).ifPresent(old -> {
      Pod holder = byIp.get(old);
      if (holder != null && pod.metadata().key().equals(holder.metadata().key())) {
        byIp.remove(old);
      }
    });
    if (event.type() != WatchEvent.Type.DELETED) {
      ip(pod).ifPresent(ip -> byIp.put(ip, pod));
    }
  }

  private static Optional<IpAddress> ip(Pod pod) {
    return pod.spec().hostNetwork() ? Optional.empty() : IpAddress.tryParse(pod.status().podIP());
  }
}
