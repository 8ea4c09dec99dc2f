package io.kubenetsim.core.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.ApplyResult;
import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.core.ServiceInternals;
import io.kubenetsim.event.SimEvent;
import io.kubenetsim.model.EndpointAddress;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.EndpointSubset;
import io.kubenetsim.model.Endpoints;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.OwnerReference;
import io.kubenetsim.model.Service;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slices labelled for a Service that the Service's reconcile did not make, applied by hand as
 * manifests: upstream's endpointslice {@code Reconciler} lists slices by service name and its
 * own managed-by value, deletes those {@code ownedBy} rejects (no ownerReference with the
 * Service's uid, kind Service, apiVersion v1) or of an address type the Service lacks, and
 * never touches slices with another managed-by value; the mirroring controller cleans up its
 * own label for Services with a selector ({@code syncEndpoints}).
 */
class ForeignEndpointSliceTest {
  private static final Duration REACTION = Duration.ofSeconds(1);
  private Cluster c;
  private ServiceHandle web;
  private List<EndpointSlice> websOwn;

  @BeforeEach
  void shop() {
    c = KubeSim.cluster().nodes(2).seed(42).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(3).label("app", "web").containerPort("http", 8080)
        .create();
    web = c.expose("shop/web").port(80).targetPort("http").create();
    c.deployment("shop/api").replicas(1).label("app", "api").containerPort("http", 8080)
        .create();
    c.expose("shop/api").port(80).targetPort("http").create();
    c.settle();
    websOwn = web.slices();
    assertEquals(1, websOwn.size(), websOwn.toString());
  }

  private static String slice(String name, String managedBy, String addressType,
      String ownerReferences) {
    return """
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: %s
          namespace: shop
          labels:
            kubernetes.io/service-name: web
            endpointslice.kubernetes.io/managed-by: %s
        %saddressType: %s
        endpoints:
        - addresses: ["%s"]
        ports:
        - name: http
          port: 8080
          protocol: TCP
        """.formatted(name, managedBy, ownerReferences, addressType,
        addressType.equals("IPv6") ? "fd00::9" : "10.244.9.9");
  }

  private static String ownedBy(String kind, String name, String uid) {
    return """
          ownerReferences:
          - apiVersion: v1
            kind: %s
            name: %s
            uid: %s
            controller: true
        """.formatted(kind, name, uid);
  }

  /** Applies one slice manifest and checks that the API server took it as it is. */
  private ObjectRef applied(String manifest) {
    ApplyResult result = c.applyYaml(manifest);
    assertEquals(1, result.entries().size(), result.toString());
    assertEquals(ApplyResult.Action.CREATED, result.entries().get(0).action(), result.toString());
    ObjectRef ref = result.entries().get(0).ref();
    assertTrue(c.get(EndpointSlice.class, "shop", ref.name()).isPresent(), "stored: " + ref);
    return ref;
  }

  private boolean exists(ObjectRef ref) {
    return c.get(EndpointSlice.class, "shop", ref.name()).isPresent();
  }

  /** {@return the events about the slice after its creation by the apply} */
  private List<SimEvent> deletions(ObjectRef ref) {
    return c.events().about(ref).filter(e -> !e.kind().equals("Created")).asList();
  }

  private void assertWebsOwnSlicesUntouched() {
    assertEquals(websOwn, web.slices().stream()
        .filter(s -> s.metadata().labels().get(EndpointSlice.MANAGED_BY_LABEL)
            .equals(Optional.of(EndpointSlice.CONTROLLER_NAME))).toList(),
        "same slices, same resourceVersions" + ServiceInternals.context(c));
  }

  @Test
  void aControllerLabelledSliceWithoutOwnerIsDeletedOnItsOwnAddEvent() {
    // Nothing but the slice changes, so its own add event must be what queues Service web:
    // within a second (informer lag plus the sync) it is deleted, the event log says it was
    // not owned by the Service, and web's real slice is left exactly as it was.
    ObjectRef foreign = applied(slice("web-handmade", EndpointSlice.CONTROLLER_NAME, "IPv4",
        ""));
    c.runFor(REACTION);
    assertFalse(exists(foreign), ServiceInternals.context(c));
    List<SimEvent> deleted = c.events().ofKind("EndpointSliceDeleted").about(foreign).asList();
    assertEquals(1, deleted.size(), c.events().about(foreign).toString());
    assertTrue(deleted.get(0).detail().contains("not owned by Service shop/web"),
        deleted.get(0).toString());
    assertWebsOwnSlicesUntouched();
  }

  @Test
  void aControllerLabelledSliceOwnedByAnotherServiceIsDeleted() {
    // ownedBy compares uids: a slice whose controller is Service api (which exists, so the
    // garbage collector keeps it) but that is labelled for web is not web's and goes.
    Service api = c.get(Service.class, "shop", "api").orElseThrow();
    ObjectRef foreign = applied(slice("web-stolen", EndpointSlice.CONTROLLER_NAME, "IPv4",
        ownedBy("Service", "api", api.metadata().uid())));
    c.runFor(REACTION);
    assertFalse(exists(foreign), ServiceInternals.context(c));
    assertEquals(List.of("EndpointSliceDeleted"),
        deletions(foreign).stream().map(SimEvent::kind).toList(), deletions(foreign).toString());
    assertWebsOwnSlicesUntouched();
  }

  @Test
  void aSliceLeftByAnEarlierServiceOfTheSameNameIsDeleted() {
    // A slice naming Service web as controller but with another uid (as a deleted and
    // recreated Service leaves them) is not ownedBy the current web; upstream's garbage
    // collector also sees its owner gone. Either way it must go and web's slice stays.
    ObjectRef stale = applied(slice("web-old", EndpointSlice.CONTROLLER_NAME, "IPv4",
        ownedBy("Service", "web", "00000000-0000-0000-0000-00000000dead")));
    c.runFor(REACTION);
    assertFalse(exists(stale), ServiceInternals.context(c));
    assertWebsOwnSlicesUntouched();
  }

  @Test
  void anOwnedSliceOfAnAddressTypeTheServiceLacksIsDeleted() {
    // Reconcile deletes slices whose address type is not among the Service's ipFamilies
    // (web is IPv4 only), even when web owns them.
    String uid = c.get(Service.class, "shop", "web").orElseThrow().metadata().uid();
    ObjectRef ipv6 = applied(slice("web-v6", EndpointSlice.CONTROLLER_NAME, "IPv6",
        ownedBy("Service", "web", uid)));
    c.runFor(REACTION);
    assertFalse(exists(ipv6), ServiceInternals.context(c));
    assertTrue(deletions(ipv6).get(0).detail().contains("IPv6"), deletions(ipv6).toString());
    assertWebsOwnSlicesUntouched();
  }

  @Test
  void aSliceManagedByAnotherControllerIsNeverTouched() {
    // Only slices with the controller's own managed-by value are listed: a user's slice for
    // the same Service survives its add event and a resync caused by scaling the backend, and
    // (as kube-proxy reads every slice of the Service) its endpoint is one of web's.
    ObjectRef mine = applied(slice("web-mine", "my-controller", "IPv4", ""));
    EndpointSlice before = c.get(EndpointSlice.class, "shop", mine.name()).orElseThrow();
    c.getDeployment("shop/web").scale(4);
    c.settle();
    assertEquals(Optional.of(before), c.get(EndpointSlice.class, "shop", mine.name()),
        ServiceInternals.context(c));
    assertTrue(web.endpoints().contains(HostPort.parse("10.244.9.9:8080")),
        web.endpoints().toString());
    assertEquals(4, web.slices().stream().filter(s -> !s.equals(before))
        .mapToInt(s -> s.endpoints().size()).sum(), "web's own slices follow the scale");
  }

  @Test
  void mirroredSlicesAreLeftToTheMirroringController() {
    // The EndpointSlice controller never deletes a slice labelled for the mirroring
    // controller. That controller keeps what it mirrors for a selectorless Service (owned by
    // the Endpoints, as upstream's newEndpointSlice sets it) and, as syncEndpoints does,
    // deletes its label's slices for web, which has a selector.
    c.service("shop/ext").port(80).create();
    c.apply(Endpoints.of("shop", "ext", List.of(EndpointSubset.of(
        List.of(EndpointAddress.of("192.0.2.10")),
        List.of(EndpointPort.of("", 8080, Protocol.TCP))))));
    c.settle();
    List<EndpointSlice> mirrored = c.getService("shop/ext").slices();
    assertEquals(1, mirrored.size(), mirrored.toString());
    OwnerReference owner = mirrored.get(0).metadata().controllerRef().orElseThrow();
    assertEquals(List.of("Endpoints", "ext"), List.of(owner.kind(), owner.name()));

    ObjectRef forWeb = applied(slice("web-mirrored", EndpointSlice.MIRRORING_CONTROLLER_NAME,
        "IPv4", ""));
    c.runFor(REACTION);
    assertFalse(exists(forWeb), ServiceInternals.context(c));
    List<SimEvent> deleted = deletions(forWeb);
    assertEquals(1, deleted.size(), deleted.toString());
    assertTrue(deleted.get(0).detail().contains("has a selector"), deleted.toString());
    assertEquals(mirrored, c.getService("shop/ext").slices(), "the real mirror is untouched");
    assertWebsOwnSlicesUntouched();
  }

  @Test
  void aSliceHandedToAnotherManagerIsReplaced() {
    // Relabelling the controller's slice to another manager changes managed-by, which
    // upstream's onEndpointSliceUpdate treats as a reason to sync: web gets a new slice with
    // its endpoints, and the relabelled one is left to its new manager.
    EndpointSlice taken = websOwn.get(0);
    c.apply(taken.withMetadata(taken.metadata().withLabels(taken.metadata().labels()
        .with(EndpointSlice.MANAGED_BY_LABEL, "my-controller"))));
    c.runFor(REACTION);
    List<EndpointSlice> now = web.slices();
    assertEquals(2, now.size(), now.toString());
    EndpointSlice replacement = now.stream()
        .filter(s -> !s.metadata().name().equals(taken.metadata().name())).findFirst()
        .orElseThrow();
    assertEquals(taken.endpoints(), replacement.endpoints(), now.toString());
    assertTrue(c.get(EndpointSlice.class, "shop", taken.metadata().name()).isPresent());
  }
}
