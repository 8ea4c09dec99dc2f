package io.kubenetsim.core.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.core.store.InformerFactory;
import io.kubenetsim.core.store.validation.ObjectValidator;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointConditions;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.model.ServiceStatus;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The change tracker's snapshot after any sequence of Service and EndpointSlice writes equals
 * the snapshot a full rebuild over every Service and slice gives (issue 10: incremental sync
 * yields exactly what a full one does), checked after every step: the ports in order, and every
 * lookup the modes make — including which Service owns an external IP that two list.
 */
class ProxyChangeTrackerProperties {

  private static final List<String> EXTERNAL_IPS = List.of("192.0.2.1", "192.0.2.2");

  /**
   * One write: {@code kind} 0 = put Service, 1 = delete Service, 2 = put slice, 3 = delete
   * slice. A Service put lists {@code external} external IPs (shared by every Service, so they
   * compete) and is a NodePort Service when {@code nodePort}.
   */
  record Op(int kind, int service, int slice, int ports, int endpoints, boolean ready,
      int external, boolean nodePort) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Op> op = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 3),
        Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 1),
        Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 4),
        Arbitraries.of(true, false), Arbitraries.integers().between(0, 2),
        Arbitraries.of(true, false)).as(Op::new);
    return op.list().ofMinSize(1).ofMaxSize(30);
  }

  @Property(tries = 60)
  void incrementalEqualsFull(@ForAll("ops") List<Op> ops) {
    Simulator sim = new Simulator(7, Instant.parse("2026-01-01T00:00:00Z"));
    ApiStore store = new ApiStore(sim, new ObjectValidator());
    InformerFactory factory = new InformerFactory(sim, store);
    Informer<Service> services = factory.informer(Service.class, Duration.ZERO);
    Informer<EndpointSlice> slices = factory.informer(EndpointSlice.class, Duration.ZERO);
    ProxyChangeTracker tracker = new ProxyChangeTracker(services, slices);
    store.create(Namespace.of("shop"), "test", "");
    long version = 0;
    for (Op op : ops) {
      apply(store, op);
      sim.settle(Long.MAX_VALUE);
      version++;
      assertSameView(SnapshotBuilder.build(version, services.list(), slices.list()),
          tracker.snapshot(version), "after " + op);
    }
  }

  private static void assertSameView(ProxySnapshot full, ProxySnapshot incremental,
      String when) {
    assertEquals(full.ports(), incremental.ports(), when);
    assertEquals(full.portCount(), incremental.portCount(), when);
    assertEquals(full.endpointCount(), incremental.endpointCount(), when);
    assertEquals(full.nodeSpecificPorts(), incremental.nodeSpecificPorts(), when);
    for (int i = 0; i <= 5; i++) {
      IpAddress clusterIP = IpAddress.ipv4(0x0A600000L + i + 1);
      assertEquals(full.isClusterIP(clusterIP), incremental.isClusterIP(clusterIP), when);
      assertEquals(full.isServiceAddress(clusterIP), incremental.isServiceAddress(clusterIP),
          when);
      for (int p = 0; p <= 2; p++) {
        assertEquals(full.byClusterIP(clusterIP, Protocol.TCP, 80 + p),
            incremental.byClusterIP(clusterIP, Protocol.TCP, 80 + p), when);
        assertEquals(full.byNodePort(Protocol.TCP, nodePort(i, p)),
            incremental.byNodePort(Protocol.TCP, nodePort(i, p)), when);
        ServicePortName name = new ServicePortName("shop", "svc" + i, "p" + p, Protocol.TCP);
        assertEquals(full.byName(name), incremental.byName(name), when);
      }
    }
    for (String text : EXTERNAL_IPS) {
      IpAddress external = IpAddress.parse(text);
      assertEquals(full.isServiceAddress(external), incremental.isServiceAddress(external),
          when);
      for (int p = 0; p <= 2; p++) {
        assertEquals(full.byExternalAddress(external, Protocol.TCP, 80 + p),
            incremental.byExternalAddress(external, Protocol.TCP, 80 + p), when);
      }
    }
  }

  private static int nodePort(int service, int port) {
    return 30000 + service * 4 + port;
  }

  private static void apply(ApiStore store, Op op) {
    String name = "svc" + op.service();
    switch (op.kind()) {
      case 0 -> put(store, service(name, op));
      case 1 -> store.get(Service.class, io.kubenetsim.model.NamespacedName.of("shop", name))
          .ifPresent(s -> store.remove(s.ref(), "test", ""));
      case 2 -> put(store, slice(name, op.slice(), op.endpoints(), op.ready()));
      default -> store.get(EndpointSlice.class, io.kubenetsim.model.NamespacedName.of("shop",
          name + "-" + op.slice())).ifPresent(s -> store.remove(s.ref(), "test", ""));
    }
  }

  private static <T extends io.kubenetsim.model.KubernetesObject> void put(ApiStore store,
      T object) {
    if (store.get(object.ref()).isPresent()) {
      store.update(object, "test", "");
    } else {
      store.create(object, "test", "");
    }
  }

  private static Service service(String name, Op op) {
    List<ServicePort> ports = new ArrayList<>();
    for (int p = 0; p <= op.ports(); p++) {
      ports.add(new ServicePort("p" + p, Protocol.TCP, "", 80 + p, IntOrString.of(8080 + p),
          op.nodePort() ? nodePort(op.service(), p) : 0));
    }
    String ip = IpAddress.ipv4(0x0A600000L + op.service() + 1).toString();
    return new Service(ObjectMeta.named("shop", name), ServiceSpec.of(Map.of("app", name),
        ports).with(s -> {
          s.type = op.nodePort() ? "NodePort" : "ClusterIP";
          s.externalIPs = EXTERNAL_IPS.subList(0, op.external());
          if (op.nodePort() || op.external() > 0) {
            s.externalTrafficPolicy = "Cluster";
          }
          s.sessionAffinity = "None";
          s.internalTrafficPolicy = "Cluster";
          s.clusterIP = ip;
          s.clusterIPs = List.of(ip);
          s.ipFamilies = List.of("IPv4");
          s.ipFamilyPolicy = "SingleStack";
          return s;
        }), ServiceStatus.empty());
  }

  private static EndpointSlice slice(String service, int slice, int count, boolean ready) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (int e = 0; e < count; e++) {
      String ip = IpAddress.ipv4(0x0AF40000L + slice * 16 + e + 1).toString();
      endpoints.add(new Endpoint(ImmutableList.of(ip), EndpointConditions.of(ready || e == 0,
          true, false), "", "node-" + e, "", Optional.empty()));
    }
    return new EndpointSlice(ObjectMeta.named("shop", service + "-" + slice)
        .withLabels(Labels.of(EndpointSlice.SERVICE_NAME_LABEL, service)), "IPv4",
        ImmutableList.copyOf(endpoints), ImmutableList.of(EndpointPort.of("p0", 8080,
            Protocol.TCP), EndpointPort.of("p1", 8081, Protocol.TCP)));
  }
}
