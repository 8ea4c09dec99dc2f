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
  @Param({"100", "10000"})
  public int services;

  private CoreDnsServer server;
  private final DnsQuestion[] clusterIp = new DnsQuestion[1024];
  private final DnsQuestion[] headless = new DnsQuestion[1024];
  private final DnsQuestion[] missing = new DnsQuestion[1024];
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    DnsBenchZone zone = DnsBenchZone.build(services);
    server = zone.server;
    SeededRandom random = new SeededRandom(7);
    for (int q = 0; q < clusterIp.length; q++) {
      int c = random.nextInt(services);
      c = DnsBenchZone.isHeadless(c) ? (c + 1) % services : c;
      int h = random.nextInt(services) / 10 * 10;
      clusterIp[q] = DnsQuestion.of(DnsBenchZone.fqdn(c), RecordType.A);
      headless[q] = DnsQuestion.of(DnsBenchZone.fqdn(h), RecordType.A);
      missing[q] = DnsQuestion.of("nosvc" + c + ".ns" + c / DnsBenchZone.PER_NAMESPACE
          + ".svc.cluster.local", RecordType.A);
    }
    check(clusterIp[0], 1);
    check(headless[0], DnsBenchZone.ENDPOINTS);
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
}
// How to run: mvn -B -q -o package -DskipTests -pl sim-bench -am &&
//   java -jar sim-bench/target/benchmarks.jar DnsAnswerBench
