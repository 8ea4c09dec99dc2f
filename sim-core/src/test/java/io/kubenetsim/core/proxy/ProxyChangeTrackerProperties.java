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
 * yields exactly what a full one does), checked after every step.
 */
class ProxyChangeTrackerProperties {

  /** One write: {@code kind} 0 = put Service, 1 = delete Service, 2 = put slice, 3 = delete slice. */
  record Op(int kind, int service, int slice, int ports, int endpoints, boolean ready) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Op> op = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 3),
        Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 1),
        Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 4),
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
      assertEquals(SnapshotBuilder.build(version, services.list(), slices.list()).ports(),
          tracker.snapshot(version).ports(), "after " + op);
    }
  }

  private static void apply(ApiStore store, Op op) {
    String name = "svc" + op.service();
    switch (op.kind()) {
      case 0 -> put(store, service(name, op.service(), op.ports()));
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

  private static Service service(String name, int i, int portCount) {
    List<ServicePort> ports = new ArrayList<>();
    for (int p = 0; p <= portCount; p++) {
      ports.add(new ServicePort("p" + p, Protocol.TCP, "", 80 + p, IntOrString.of(8080 + p), 0));
    }
    String ip = IpAddress.ipv4(0x0A600000L + i + 1).toString();
    return new Service(ObjectMeta.named("shop", name), ServiceSpec.of(Map.of("app", name),
        ports).with(s -> {
          s.type = "ClusterIP";
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
