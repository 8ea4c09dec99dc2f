package io.kubenetsim.core.controllers.endpoints;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Packs a Service's desired endpoints into EndpointSlices the way upstream's reconciler does:
 * per port list, existing slices are updated in place first (stale endpoints removed, changed
 * ones replaced); new endpoints then fill slices already being changed, then the one unchanged
 * slice closest to full, then new slices of at most {@code maxPerSlice}. Slices for port lists
 * no longer wanted are deleted, and when the Service has no endpoints at all exactly one empty
 * placeholder slice remains. Nothing is rebalanced otherwise, so slices can be uneven. Pure.
 */
final class SlicePlanner {
  private SlicePlanner() {}

  static SlicePlan plan(List<EndpointSlice> existing,
      Map<List<EndpointPort>, List<Endpoint>> desired, int maxPerSlice) {
    if (desired.values().stream().allMatch(List::isEmpty)) {
      return placeholder(existing);
    }
    List<SlicePlan.NewSlice> creates = new ArrayList<>();
    List<EndpointSlice> updates = new ArrayList<>();
    List<EndpointSlice> deletes = new ArrayList<>();
    for (EndpointSlice slice : existing) {
      if (!desired.containsKey(slice.ports())) {
        deletes.add(slice);
      }
    }
    for (Map.Entry<List<EndpointPort>, List<Endpoint>> group : desired.entrySet()) {
      List<EndpointSlice> samePorts = existing.stream()
          .filter(s -> s.ports().equals(group.getKey())).toList();
      packGroup(group.getKey(), group.getValue(), samePorts, maxPerSlice, creates, updates,
          deletes);
    }
    return new SlicePlan(creates, updates, deletes);
  }

  private static void packGroup(List<EndpointPort> ports, List<Endpoint> wanted,
      List<EndpointSlice> slices, int max, List<SlicePlan.NewSlice> creates,
      List<EndpointSlice> updates, List<EndpointSlice> deletes) {
    Map<String, Endpoint> remaining = new LinkedHashMap<>();
    wanted.forEach(e -> remaining.put(e.addresses().get(0), e));
    Map<EndpointSlice, List<Endpoint>> changed = new LinkedHashMap<>();
    List<EndpointSlice> unchanged = new ArrayList<>();
    for (EndpointSlice slice : slices) {
      List<Endpoint> kept = new ArrayList<>();
      for (Endpoint endpoint : slice.endpoints()) {
        Endpoint current = remaining.remove(endpoint.addresses().get(0));
        if (current != null && kept.size() < max) {
          kept.add(current);
        } else if (current != null) {
          remaining.put(current.addresses().get(0), current);
        }
      }
      if (kept.isEmpty()) {
        deletes.add(slice);
      } else if (!kept.equals(slice.endpoints())) {
        changed.put(slice, kept);
      } else {
        unchanged.add(slice);
      }
    }
    List<Endpoint> toPlace = new ArrayList<>(remaining.values());
    for (List<Endpoint> kept : changed.values()) {
      fill(kept, toPlace, max);
    }
    if (!toPlace.isEmpty()) {
      Optional<EndpointSlice> fullest = unchanged.stream()
          .filter(s -> s.endpoints().size() < max)
          .max(Comparator.comparingInt((EndpointSlice s) -> s.endpoints().size())
              .thenComparing(s -> s.metadata().name(), Comparator.reverseOrder()));
      if (fullest.isPresent()) {
        List<Endpoint> grown = new ArrayList<>(fullest.get().endpoints());
        fill(grown, toPlace, max);
        changed.put(fullest.get(), grown);
      }
    }
    changed.forEach((slice, endpoints) -> updates.add(new EndpointSlice(slice.metadata(),
        slice.addressType(), ImmutableList.copyOf(endpoints), slice.ports())));
    for (int i = 0; i < toPlace.size(); i += max) {
      creates.add(new SlicePlan.NewSlice(toPlace.subList(i, Math.min(i + max, toPlace.size())),
          ports));
    }
  }

  private static void fill(List<Endpoint> slice, List<Endpoint> toPlace, int max) {
    while (slice.size() < max && !toPlace.isEmpty()) {
      slice.add(toPlace.remove(0));
    }
  }

  private static SlicePlan placeholder(List<EndpointSlice> existing) {
    List<EndpointSlice> deletes = new ArrayList<>();
    List<EndpointSlice> updates = new ArrayList<>();
    Optional<EndpointSlice> keep = existing.stream().findFirst();
    for (EndpointSlice slice : existing) {
      if (keep.isPresent() && slice == keep.get()) {
        if (!slice.endpoints().isEmpty() || !slice.ports().isEmpty()) {
          updates.add(new EndpointSlice(slice.metadata(), slice.addressType(), ImmutableList.of(),
              ImmutableList.of()));
        }
      } else {
        deletes.add(slice);
      }
    }
    List<SlicePlan.NewSlice> creates = keep.isPresent() ? List.of()
        : List.of(new SlicePlan.NewSlice(List.of(), List.of()));
    return new SlicePlan(creates, updates, deletes);
  }
}
