package io.kubenetsim.core.controllers.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.OwnerReference;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.model.ServiceStatus;
import io.kubenetsim.net.IpFamily;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How a sync splits the slices labelled for its Service, as upstream's endpointslice
 * {@code Reconcile} (address types the Service lacks) and {@code reconcileByAddressType} with
 * {@code ownedBy} (uid, kind Service and apiVersion v1 must all match) do; and which families
 * {@code getAddressTypesForService} gives a Service.
 */
class ExistingSlicesTest {
  private static final String UID = "0b6c1d2e-aaaa-4bbb-8ccc-000000000001";
  private static final Service WEB = service(List.of("IPv4"), "10.96.0.20");

  private static Service service(List<String> families, String clusterIP) {
    ServiceSpec spec = ServiceSpec.of(Map.of("app", "web"), List.of()).with(b -> {
      b.ipFamilies = families;
      b.clusterIP = clusterIP;
      return b;
    });
    return new Service(ObjectMeta.named("shop", "web").withServerFields(UID, 1, 1,
        Optional.empty()), spec, ServiceStatus.empty());
  }

  private static EndpointSlice slice(String name, String addressType, OwnerReference... owners) {
    ObjectMeta meta = ObjectMeta.named("shop", name)
        .withLabels(Labels.of(EndpointSlice.SERVICE_NAME_LABEL, "web"))
        .withOwnerReferences(List.of(owners));
    return new EndpointSlice(meta, addressType, ImmutableList.of(), ImmutableList.of());
  }

  private static OwnerReference owner(String apiVersion, String kind, String uid,
      boolean controller) {
    return new OwnerReference(apiVersion, kind, "web", uid, controller);
  }

  @Test
  void ownedByNeedsTheServicesUidKindAndApiVersionInAnyOwnerReference() {
    // One row per ownerReference list: expected verdict, then the references.
    record Row(boolean owned, List<OwnerReference> owners) {}
    List<Row> rows = List.of(
        new Row(true, List.of(owner("v1", "Service", UID, true))),
        new Row(true, List.of(owner("v1", "Service", UID, false))),
        new Row(true, List.of(owner("apps/v1", "ReplicaSet", "other", true),
            owner("v1", "Service", UID, false))),
        new Row(false, List.of()),
        new Row(false, List.of(owner("v1", "Service", "another-uid", true))),
        new Row(false, List.of(owner("v1", "Endpoints", UID, true))),
        new Row(false, List.of(owner("discovery.k8s.io/v1", "Service", UID, true))));
    for (Row row : rows) {
      EndpointSlice slice = slice("web-x", "IPv4", row.owners().toArray(OwnerReference[]::new));
      assertEquals(row.owned(), ExistingSlices.ownedBy(slice, WEB), row.owners().toString());
    }
  }

  @Test
  void staleSlicesAreSplitOffWithWhyAndTheRestGroupedByAddressType() {
    EndpointSlice own4 = slice("web-a", "IPv4", owner("v1", "Service", UID, true));
    EndpointSlice own6 = slice("web-b", "IPv6", owner("v1", "Service", UID, true));
    EndpointSlice foreign = slice("web-c", "IPv4");
    EndpointSlice fqdn = slice("web-d", "FQDN", owner("v1", "Service", UID, true));
    ExistingSlices split = ExistingSlices.split(WEB, List.of(own4, own6, foreign, fqdn),
        List.of(IpFamily.IPV4));
    assertEquals(List.of(own4), split.owned(IpFamily.IPV4));
    assertEquals(List.of(), split.owned(IpFamily.IPV6));
    assertEquals(List.of(
            new ExistingSlices.Stale(own6, ExistingSlices.Why.ADDRESS_TYPE_DROPPED),
            new ExistingSlices.Stale(foreign, ExistingSlices.Why.NOT_OWNED),
            new ExistingSlices.Stale(fqdn, ExistingSlices.Why.ADDRESS_TYPE_DROPPED)),
        split.stale());
    assertEquals("labelled endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io"
            + " but not owned by Service shop/web (no ownerReference to uid " + UID + ")",
        split.stale().get(1).detail(WEB, List.of(IpFamily.IPV4)));
  }

  @Test
  void familiesComeFromIpFamiliesThenTheClusterIpThenBoth() {
    // getAddressTypesForService: spec.ipFamilies when set; else the ClusterIP's family; a
    // headless Service with neither gets both.
    assertEquals(List.of(IpFamily.IPV6, IpFamily.IPV4),
        ServiceFamilies.of(service(List.of("IPv6", "IPv4"), "fd00:10:96::a")));
    assertEquals(List.of(IpFamily.IPV6), ServiceFamilies.of(service(List.of(), "fd00::1")));
    assertEquals(List.of(IpFamily.IPV4), ServiceFamilies.of(service(List.of(), "10.96.0.1")));
    assertEquals(List.of(IpFamily.IPV4, IpFamily.IPV6),
        ServiceFamilies.of(service(List.of(), "None")));
    assertEquals(IpFamily.IPV6, ServiceFamilies.primary(service(List.of("IPv6", "IPv4"),
        "fd00:10:96::a")));
  }
}
