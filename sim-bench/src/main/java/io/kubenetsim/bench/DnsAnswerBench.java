package io.kubenetsim.bench;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.dns.CoreDnsServer;
import io.kubenetsim.core.dns.Corefile;
import io.kubenetsim.core.dns.KubernetesZone;
import io.kubenetsim.core.dns.StaticZone;
import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.InformerFactory;
import io.kubenetsim.core.store.validation.ObjectValidator;
import io.kubenetsim.dns.DnsQuestion;
import io.kubenetsim.dns.DnsResponse;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointConditions;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodPhase;
import io.kubenetsim.model.PodStatus;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.model.ServiceStatus;
import io.kubenetsim.model.TargetRef;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * One CoreDNS process's answer (issue 9's target: a whole short-name lookup ≤ 200 ns, so the
 * server's answer well under 100 ns). The cluster has {@code services} Services, 100 per
 * namespace; every tenth is headless, the rest ClusterIP; each has three running pods and one
 * EndpointSlice with their three ready endpoints and a named port. Everything is written into
 * the store and delivered through informers (lag 0) once, in setup; the server runs kubeadm's
 * Corefile. Questions cycle through 1,024 random Services, built beforehand (the integrator
 * hands the server a {@code DnsQuestion} whose name is already parsed).
 *
 * <p>{@code clusterIpA}: A of a ClusterIP Service's FQDN (one record). {@code headlessA}: A of a
 * headless Service's FQDN (three records). {@code missingA}: A of a Service that does not
 * exist in an existing namespace — NXDOMAIN with the SOA, what search-path expansion asks most.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(1)
public class DnsAnswerBench {
  private static final int PER_NAMESPACE = 100;
  private static final int ENDPOINTS = 3;

  @Param({"100", "10000"})
  public int services;

  private CoreDnsServer server;
  private final DnsQuestion[] clusterIp = new DnsQuestion[1024];
  private final DnsQuestion[] headless = new DnsQuestion[1024];
  private final DnsQuestion[] missing = new DnsQuestion[1024];
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    Simulator sim = new Simulator(42, Instant.parse("2026-01-01T00:00:00Z"));
    ApiStore store = new ApiStore(sim, new ObjectValidator());
    InformerFactory informers = new InformerFactory(sim, store);
    KubernetesZone zone = new KubernetesZone(informers.informer(Service.class, Duration.ZERO),
        informers.informer(EndpointSlice.class, Duration.ZERO),
        informers.informer(Pod.class, Duration.ZERO),
        informers.informer(Namespace.class, Duration.ZERO), sim.clock());
    for (int n = 0; n < (services + PER_NAMESPACE - 1) / PER_NAMESPACE; n++) {
      store.create(Namespace.of("ns" + n), "bench", "");
    }
    for (int i = 0; i < services; i++) {
      String namespace = "ns" + i / PER_NAMESPACE;
      String name = "svc" + i;
      store.create(service(namespace, name, i), "bench", "");
      List<Endpoint> endpoints = new ArrayList<>();
      for (int e = 0; e < ENDPOINTS; e++) {
        String pod = name + "-" + e;
        String ip = IpAddress.ipv4(0x0AF40000L + (long) i * ENDPOINTS + e + 1).toString();
        store.create(pod(namespace, pod, name, ip), "bench", "");
        endpoints.add(new Endpoint(ImmutableList.of(ip), EndpointConditions.of(true, true,
            false), "", "node-" + e, "", Optional.of(new TargetRef("Pod", namespace, pod,
                "uid-" + pod))));
      }
      store.create(new EndpointSlice(ObjectMeta.named(namespace, name + "-abcde")
          .withLabels(Labels.of(EndpointSlice.SERVICE_NAME_LABEL, name)), "IPv4",
          ImmutableList.copyOf(endpoints), ImmutableList.of(EndpointPort.of("http", 8080,
              Protocol.TCP))), "bench", "");
    }
    sim.settle(Long.MAX_VALUE);
    zone.markSynced();
    server = new CoreDnsServer(Corefile.parse(Corefile.kubeadm("cluster.local")).orElseThrow(),
        zone, List.of(IpAddress.parse("10.243.0.10")), new StaticZone());
    SeededRandom random = new SeededRandom(7);
    for (int q = 0; q < clusterIp.length; q++) {
      int c = random.nextInt(services);
      c = isHeadless(c) ? (c + 1) % services : c;
      int h = random.nextInt(services) / 10 * 10;
      clusterIp[q] = DnsQuestion.of(fqdn(c), RecordType.A);
      headless[q] = DnsQuestion.of(fqdn(h), RecordType.A);
      missing[q] = DnsQuestion.of("nosvc" + c + ".ns" + c / PER_NAMESPACE
          + ".svc.cluster.local", RecordType.A);
    }
    check(clusterIp[0], 1);
    check(headless[0], ENDPOINTS);
    check(missing[0], 0);
    // Setup leaves the store's history and the informers' garbage: collect it before timing.
    System.gc();
  }

  @Benchmark
  public DnsResponse clusterIpA() {
    return server.answer(clusterIp[next++ & 1023]);
  }

  @Benchmark
  public DnsResponse headlessA() {
    return server.answer(headless[next++ & 1023]);
  }

  @Benchmark
  public DnsResponse missingA() {
    return server.answer(missing[next++ & 1023]);
  }

  private void check(DnsQuestion question, int answers) {
    DnsResponse response = server.answer(question);
    if (response.answers().size() != answers) {
      throw new IllegalStateException("unexpected answer to " + question + ": " + response);
    }
  }

  private static boolean isHeadless(int i) {
    return i % 10 == 0;
  }

  private static String fqdn(int i) {
    return "svc" + i + ".ns" + i / PER_NAMESPACE + ".svc.cluster.local";
  }

  private static Service service(String namespace, String name, int i) {
    ServicePort port = new ServicePort("http", Protocol.TCP, "", 80, IntOrString.of(8080), 0);
    String ip = isHeadless(i) ? "None" : IpAddress.ipv4(0x0A600000L + i + 1).toString();
    return new Service(ObjectMeta.named(namespace, name), ServiceSpec.of(Map.of("app", name),
        List.of(port)).with(s -> {
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

  private static Pod pod(String namespace, String name, String app, String ip) {
    Pod pod = Pod.of(namespace, name, Labels.of(Map.of("app", app)), Container.of("c",
        "agnhost", List.of(ContainerPort.of("http", 8080))));
    return pod.withSpec(pod.spec().withNodeName("node-0"))
        .withStatus(new PodStatus(PodPhase.RUNNING, ImmutableList.of(), "", ip,
            ImmutableList.of(ip), Optional.empty(), ImmutableList.of(), ""));
  }
}
// How to run: mvn -B -q -o package -DskipTests -pl sim-bench -am &&
//   java -jar sim-bench/target/benchmarks.jar DnsAnswerBench
