package io.kubenetsim.core.controllers.endpoints;

import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.NamespacedName;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The slice writes this controller has in flight, as upstream's {@code EndpointSliceTracker}
 * keeps them ({@code kubernetes/endpointslice} {@code endpointslice_tracker.go}). Two questions
 * it answers:
 *
 * <ul>
 *   <li>{@link #observe}: does a watch event only echo this controller's own write? Then it
 *       queues nothing ({@code ShouldSync} is false for the generation the controller wrote and
 *       for a deletion it expected); any other change still queues the Service.
 *   <li>{@link #inFlight}: has the informer's cache not yet caught up with this controller's
 *       writes for a Service? Then reconciling now would plan from a stale view and write
 *       duplicates; upstream's {@code StaleSlices} check makes it wait, and so does this.
 * </ul>
 *
 * <p>Lookup only: nothing here is iterated in an order that could reach an output.
 */
final class OwnWrites {
  // Hash collections, looked up and emptied but never iterated: no order reaches a decision.
  private final Map<NamespacedName, Long> written = new HashMap<>();
  private final Set<NamespacedName> removing = new HashSet<>();
  private final Map<NamespacedName, Set<NamespacedName>> byService = new HashMap<>();

  /** Remembers the version of a slice the controller just created or updated. */
  void wrote(EndpointSlice slice) {
    NamespacedName key = slice.metadata().key();
    written.put(key, slice.metadata().resourceVersion());
    byService.computeIfAbsent(serviceOf(slice), s -> new HashSet<>()).add(key);
  }

  /** Remembers that the controller is about to delete this slice. */
  void removing(EndpointSlice slice) {
    NamespacedName key = slice.metadata().key();
    written.remove(key);
    removing.add(key);
    byService.computeIfAbsent(serviceOf(slice), s -> new HashSet<>()).add(key);
  }

  /**
   * Takes in what the informer now shows for a slice. {@return whether the event only echoes a
   * write this controller made}
   */
  boolean observe(WatchEvent event) {
    EndpointSlice slice = (EndpointSlice) event.object();
    NamespacedName key = slice.metadata().key();
    if (event.type() == WatchEvent.Type.DELETED) {
      boolean expected = removing.remove(key);
      written.remove(key);
      settle(slice, key);
      return expected;
    }
    Long version = written.get(key);
    if (version == null || removing.contains(key)
        || slice.metadata().resourceVersion() < version) {
      return false;
    }
    written.remove(key);
    settle(slice, key);
    return slice.metadata().resourceVersion() == version;
  }

  /** {@return whether writes for this Service's slices are not in the informer's cache yet} */
  boolean inFlight(NamespacedName service) {
    return byService.containsKey(service);
  }

  private void settle(EndpointSlice slice, NamespacedName key) {
    NamespacedName service = serviceOf(slice);
    Set<NamespacedName> pending = byService.get(service);
    if (pending != null && !written.containsKey(key) && !removing.contains(key)) {
      pending.remove(key);
      if (pending.isEmpty()) {
        byService.remove(service);
      }
    }
  }

  private static NamespacedName serviceOf(EndpointSlice slice) {
    return NamespacedName.of(slice.metadata().namespace(), slice.serviceName());
  }
}
