package io.kubenetsim.bench;

import io.kubenetsim.core.dns.CoreDnsServer;
import io.kubenetsim.core.dns.StubResolver;
import io.kubenetsim.core.dns.StubResolverTransport.Exchange;
import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.dns.DnsLookup;
import io.kubenetsim.dns.DnsQuestion;
import io.kubenetsim.dns.DnsResponse;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.dns.ResolvConf;
import io.kubenetsim.dns.ResolvOption;
import io.kubenetsim.net.IpAddress;
import java.util.List;
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
 * A short-name lookup from a pod, the resolver work issue 9 targets at ≤ 200 ns (CoreDNS itself
 * spends some 56 µs of CPU per query): glibc's search-path expansion over the pod's resolv.conf
 * ({@code search <ns>.svc.cluster.local svc.cluster.local cluster.local}, {@code ndots:5}), each
 * query answered by a CoreDNS process over the {@link DnsBenchZone} cluster, the lookup's record
 * of every query built. The datagram's trip through kube-proxy and NetworkPolicy is left out
 * (the transport hands the question straight to the server); {@link DnsTrafficBench} measures
 * the whole path.
 *
 * <p>{@code shortName}: {@code svcI} from a pod in its own namespace — the first search domain
 * answers, one query. {@code shortNameResolverAlone}: the same lookup answered with a reply
 * made beforehand, so only the resolver's own work is timed (the server's is {@code
 * DnsAnswerBench}). {@code otherNamespace}: {@code svcI.nsK} from a pod in another namespace —
 * the first search domain gives NXDOMAIN, the second answers, two queries.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(1)
public class DnsLookupBench {
  private static final IpAddress KUBE_DNS = IpAddress.parse("10.96.0.10");

  @Param({"100", "10000"})
  public int services;

  private StubResolver resolver;
  private StubResolver resolverAlone;
  private final String[] shortNames = new String[1024];
  private final String[] qualifiedNames = new String[1024];
  private final ResolvConf[] ownNamespace = new ResolvConf[1024];
  private final ResolvConf[] otherNamespace = new ResolvConf[1024];
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    DnsBenchZone zone = DnsBenchZone.build(services);
    CoreDnsServer server = zone.server;
    resolver = new StubResolver((ip, question) -> Exchange.answered(server.answer(question)));
    // The same reply whatever is asked: the resolver's own work, without the server's.
    DnsResponse canned = server.answer(DnsQuestion.of(DnsBenchZone.fqdn(1), RecordType.A));
    resolverAlone = new StubResolver((ip, question) -> Exchange.answered(canned));
    int namespaces = (services + DnsBenchZone.PER_NAMESPACE - 1) / DnsBenchZone.PER_NAMESPACE;
    SeededRandom random = new SeededRandom(11);
    for (int q = 0; q < shortNames.length; q++) {
      int i = random.nextInt(services);
      int ns = i / DnsBenchZone.PER_NAMESPACE;
      shortNames[q] = "svc" + i;
      qualifiedNames[q] = "svc" + i + ".ns" + ns;
      ownNamespace[q] = podResolvConf("ns" + ns);
      otherNamespace[q] = podResolvConf("client" + ns % Math.max(1, namespaces));
    }
    check(resolver.lookup(shortNames[0], RecordType.A, ownNamespace[0]), 1);
    check(resolver.lookup(qualifiedNames[0], RecordType.A, otherNamespace[0]), 2);
    System.gc();
  }

  @Benchmark
  public DnsLookup shortName() {
    int q = next++ & 1023;
    return resolver.lookup(shortNames[q], RecordType.A, ownNamespace[q]);
  }

  @Benchmark
  public DnsLookup shortNameResolverAlone() {
    int q = next++ & 1023;
    return resolverAlone.lookup(shortNames[q], RecordType.A, ownNamespace[q]);
  }

  @Benchmark
  public DnsLookup otherNamespace() {
    int q = next++ & 1023;
    return resolver.lookup(qualifiedNames[q], RecordType.A, otherNamespace[q]);
  }

  /** What the kubelet writes for a ClusterFirst pod in {@code namespace}. */
  static ResolvConf podResolvConf(String namespace) {
    return ResolvConf.of(List.of(KUBE_DNS), List.of(namespace + ".svc.cluster.local",
        "svc.cluster.local", "cluster.local"), List.of(ResolvOption.of("ndots", "5")));
  }

  private static void check(DnsLookup lookup, int queries) {
    if (!lookup.resolved() || lookup.tried().size() != queries) {
      throw new IllegalStateException("unexpected lookup: " + lookup);
    }
  }
}
// How to run: mvn -B -q -o package -DskipTests -pl sim-bench -am &&
//   java -jar sim-bench/target/benchmarks.jar DnsLookupBench
