package io.kubenetsim.core.controllers.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointConditions;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.net.Protocol;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The packing rules of upstream's reconciler, one rule per test: existing slices are updated
 * in place; new endpoints fill slices already being changed, then the fullest unchanged slice
 * with room, then new slices of at most max; a Service with no endpoints keeps exactly one
 * empty placeholder; slices of a port list no longer wanted, or left empty, are deleted.
 */
class SlicePlannerTest {
  private static final List<EndpointPort> HTTP = List.of(EndpointPort.of("http", 8080,
      Protocol.TCP));

  private static Endpoint ready(String ip) {
    return new Endpoint(ImmutableList.of(ip), EndpointConditions.of(true, true, false), "", "",
        "", Optional.empty());
  }

  private static Endpoint notReady(String ip) {
    return new Endpoint(ImmutableList.of(ip), EndpointConditions.of(false, false, false), "", "",
        "", Optional.empty());
  }

  private static EndpointSlice slice(String name, List<EndpointPort> ports, Endpoint... eps) {
    return new EndpointSlice(ObjectMeta.named("shop", name), "IPv4", ImmutableList.copyOf(eps),
        ImmutableList.copyOf(ports));
  }

  private static Map<List<EndpointPort>, List<Endpoint>> desired(List<EndpointPort> ports,
      Endpoint... eps) {
    Map<List<EndpointPort>, List<Endpoint>> out = new LinkedHashMap<>();
    out.put(ports, Arrays.asList(eps));
    return out;
  }

  private static List<String> ips(List<Endpoint> endpoints) {
    return endpoints.stream().map(e -> e.addresses().get(0)).toList();
  }

  @Test
  void aChangedEndpointIsUpdatedInPlace() {
    EndpointSlice s1 = slice("web-a", HTTP, ready("10.0.0.1"), ready("10.0.0.2"));
    SlicePlan plan = SlicePlanner.plan(List.of(s1),
        desired(HTTP, notReady("10.0.0.1"), ready("10.0.0.2")), 100);
    assertTrue(plan.creates().isEmpty() && plan.deletes().isEmpty(), plan.toString());
    assertEquals(1, plan.updates().size());
    EndpointSlice updated = plan.updates().get(0);
    assertEquals("web-a", updated.metadata().name());
    assertEquals(List.of(notReady("10.0.0.1"), ready("10.0.0.2")), updated.endpoints());
  }

  @Test
  void anUnchangedServiceNeedsNoWrite() {
    EndpointSlice s1 = slice("web-a", HTTP, ready("10.0.0.1"));
    assertTrue(SlicePlanner.plan(List.of(s1), desired(HTTP, ready("10.0.0.1")), 100).isEmpty());
  }

  @Test
  void newEndpointsFillASliceAlreadyBeingChangedFirst() {
    // web-a changes (10.0.0.1 goes not ready) so it takes the newcomer, although web-b,
    // unchanged, has as much room: one write instead of two.
    EndpointSlice a = slice("web-a", HTTP, ready("10.0.0.1"), ready("10.0.0.2"));
    EndpointSlice b = slice("web-b", HTTP, ready("10.0.0.3"), ready("10.0.0.4"));
    SlicePlan plan = SlicePlanner.plan(List.of(a, b), desired(HTTP, notReady("10.0.0.1"),
        ready("10.0.0.2"), ready("10.0.0.3"), ready("10.0.0.4"), ready("10.0.0.5")), 3);
    assertEquals(1, plan.updates().size(), plan.toString());
    assertEquals("web-a", plan.updates().get(0).metadata().name());
    assertEquals(List.of("10.0.0.1", "10.0.0.2", "10.0.0.5"), ips(plan.updates().get(0)
        .endpoints()));
    assertTrue(plan.creates().isEmpty() && plan.deletes().isEmpty());
  }

  @Test
  void thenTheFullestUnchangedSliceWithRoom() {
    EndpointSlice small = slice("web-a", HTTP, ready("10.0.0.1"));
    EndpointSlice fuller = slice("web-b", HTTP, ready("10.0.0.2"), ready("10.0.0.3"));
    SlicePlan plan = SlicePlanner.plan(List.of(small, fuller), desired(HTTP, ready("10.0.0.1"),
        ready("10.0.0.2"), ready("10.0.0.3"), ready("10.0.0.4")), 3);
    assertEquals(1, plan.updates().size(), plan.toString());
    assertEquals("web-b", plan.updates().get(0).metadata().name());
    assertEquals(List.of("10.0.0.2", "10.0.0.3", "10.0.0.4"), ips(plan.updates().get(0)
        .endpoints()));
    assertTrue(plan.creates().isEmpty());
  }

  @Test
  void thenNewSlicesOfAtMostMax() {
    EndpointSlice full = slice("web-a", HTTP, ready("10.0.0.1"), ready("10.0.0.2"),
        ready("10.0.0.3"));
    SlicePlan plan = SlicePlanner.plan(List.of(full), desired(HTTP, ready("10.0.0.1"),
        ready("10.0.0.2"), ready("10.0.0.3"), ready("10.0.0.4"), ready("10.0.0.5"),
        ready("10.0.0.6"), ready("10.0.0.7")), 3);
    assertTrue(plan.updates().isEmpty() && plan.deletes().isEmpty(), plan.toString());
    assertEquals(List.of(List.of("10.0.0.4", "10.0.0.5", "10.0.0.6"), List.of("10.0.0.7")),
        plan.creates().stream().map(n -> ips(n.endpoints())).toList());
    assertTrue(plan.creates().stream().allMatch(n -> n.ports().equals(HTTP)));
  }

  @Test
  void aSliceLeftEmptyIsDeletedNotKept() {
    EndpointSlice a = slice("web-a", HTTP, ready("10.0.0.1"));
    EndpointSlice b = slice("web-b", HTTP, ready("10.0.0.2"));
    SlicePlan plan = SlicePlanner.plan(List.of(a, b), desired(HTTP, ready("10.0.0.2")), 100);
    assertEquals(List.of(a), plan.deletes());
    assertTrue(plan.updates().isEmpty() && plan.creates().isEmpty(), plan.toString());
  }

  @Test
  void noEndpointsLeavesExactlyOneEmptyPlaceholder() {
    EndpointSlice a = slice("web-a", HTTP, ready("10.0.0.1"));
    EndpointSlice b = slice("web-b", HTTP, ready("10.0.0.2"));
    SlicePlan plan = SlicePlanner.plan(List.of(a, b), Map.of(), 100);
    assertEquals(List.of(b), plan.deletes());
    assertEquals(1, plan.updates().size());
    assertEquals("web-a", plan.updates().get(0).metadata().name());
    assertTrue(plan.updates().get(0).endpoints().isEmpty());
    assertTrue(plan.updates().get(0).ports().isEmpty(), "a placeholder has no ports");

    SlicePlan fresh = SlicePlanner.plan(List.of(), Map.of(), 100);
    assertEquals(1, fresh.creates().size());
    assertTrue(fresh.creates().get(0).endpoints().isEmpty()
        && fresh.creates().get(0).ports().isEmpty());

    EndpointSlice placeholder = slice("web-a", List.of());
    assertTrue(SlicePlanner.plan(List.of(placeholder), Map.of(), 100).isEmpty(),
        "an existing placeholder is left alone");
  }

  @Test
  void slicesOfAPortListNoLongerWantedAreDeleted() {
    // The named port now resolves to 9090: the 8080 slice goes, a 9090 slice is created.
    List<EndpointPort> moved = List.of(EndpointPort.of("http", 9090, Protocol.TCP));
    EndpointSlice old = slice("web-a", HTTP, ready("10.0.0.1"));
    SlicePlan plan = SlicePlanner.plan(List.of(old), desired(moved, ready("10.0.0.1")), 100);
    assertEquals(List.of(old), plan.deletes());
    assertEquals(1, plan.creates().size());
    assertEquals(moved, plan.creates().get(0).ports());
    assertTrue(plan.updates().isEmpty());
  }
}
