package io.kubenetsim.bench;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.proxy.ProxyChangeTracker;
import io.kubenetsim.core.proxy.ProxySnapshot;
import io.kubenetsim.core.proxy.SnapshotBuilder;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.core.store.InformerFactory;
import io.kubenetsim.core.store.validation.ObjectValidator;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointConditions;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.Service;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * kube-proxy's sync at issue 10's size: {@code services} ClusterIP Services with 10 endpoints
 * each, one EndpointSlice per Service, written through the store and delivered through
 * informers (lag 0).
 *
 * <p>{@code fullSync}: every Service's ports rebuilt from every Service and slice ({@link
 * SnapshotBuilder#build}), what each sync did before the change tracker. {@code
 * oneEndpointChange}: one endpoint of one Service flips ready, the write goes through the store
 * and the informers, and the change tracker's sync recomputes that Service only ({@link
 * ProxyChangeTracker#snapshot}); the two together give the incremental-versus-full ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProxySyncBench {
  private static final int ENDPOINTS = 10;

  @Param({"10000"})
  public int services;

  private Simulator sim;
  private ApiStore store;
  private Informer<Service> serviceInformer;
  private Informer<EndpointSlice> sliceInformer;
  private ProxyChangeTracker tracker;
  private long version;
  private int next;
  private boolean ready;

  @Setup(Level.Trial)
  public void setUp() {
    sim = new Simulator(42, Instant.parse("2026-01-01T00:00:00Z"));
    store = new ApiStore(sim, new ObjectValidator());
    InformerFactory factory = new InformerFactory(sim, store);
    serviceInformer = factory.informer(Service.class, Duration.ZERO);
    sliceInformer = factory.informer(EndpointSlice.class, Duration.ZERO);
    tracker = new ProxyChangeTracker(serviceInformer, sliceInformer);
    store.create(Namespace.of("scale"), "bench", "");
    for (int i = 0; i < services; i++) {
      store.create(service(i), "bench", "");
      store.create(slice(i, true), "bench", "");
    }
    sim.settle(Long.MAX_VALUE);
    ProxySnapshot first = tracker.snapshot(++version);
    if (first.ports().size() != services) {
      throw new IllegalStateException("expected " + services + " ports, got "
          + first.ports().size());
    }
    System.gc();
  }

  @Benchmark
  public ProxySnapshot fullSync() {
    return SnapshotBuilder.build(++version, serviceInformer.list(), sliceInformer.list());
  }

  @Benchmark
  public ProxySnapshot oneEndpointChange() {
    int i = next++ % services;
    if (i == 0) {
      ready = !ready;
    }
    store.update(slice(i, ready), "bench", "");
    sim.settle(Long.MAX_VALUE);
    return tracker.snapshot(++version);
  }

  private static Service service(int i) {
    return StoredServices.clusterIp("scale", "svc" + i,
        IpAddress.ipv4(0x0A600000L + i + 1).toString());
  }

  private static EndpointSlice slice(int i, boolean firstReady) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (int e = 0; e < ENDPOINTS; e++) {
      String ip = IpAddress.ipv4(0x64400000L + (long) i * ENDPOINTS + e + 1).toString();
      endpoints.add(new Endpoint(ImmutableList.of(ip), EndpointConditions.of(
          e != 0 || firstReady, true, false), "", "node-" + e, "", Optional.empty()));
    }
    return new EndpointSlice(ObjectMeta.named("scale", "svc" + i + "-abcde")
        .withLabels(Labels.of(EndpointSlice.SERVICE_NAME_LABEL, "svc" + i)), "IPv4",
        ImmutableList.copyOf(endpoints), ImmutableList.of(EndpointPort.of("http", 8080,
            Protocol.TCP)));
  }
}
// How to run: mvn -B -q -o package -DskipTests -pl sim-bench -am &&
//   java -jar sim-bench/target/benchmarks.jar ProxySyncBench
