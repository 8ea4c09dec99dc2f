package io.kubenetsim.bench;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.policy.NetworkPolicyEngine;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.InformerFactory;
import io.kubenetsim.core.store.validation.ObjectValidator;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.IPBlock;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyPeer;
import io.kubenetsim.model.NetworkPolicyPort;
import io.kubenetsim.model.NetworkPolicyRule;
import io.kubenetsim.model.NetworkPolicySpec;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodPhase;
import io.kubenetsim.model.PodStatus;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.PolicyCheck;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.Reachability;
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
 * The NetworkPolicy engine's two hot paths (issue 8's targets): one connection's verdict
 * (target ≤ 100 ns) and a 1000 × 1000 pod matrix on one port (target ≤ 50 ms with 200
 * policies). The cluster has {@code pods} pods, 100 per namespace (10 apps, 3 tiers, namespaces
 * in 20 teams, prod or dev), 30 per node, and {@code policies} policies spread round-robin over
 * the first ten namespaces — the thousand pods the matrix and the verdicts look at — in five
 * shapes: deny-all ingress, allow from another app on a numeric and a named port, allow from
 * front ends of a team (AND peer) on a port range, allow from an ipBlock with except, and
 * egress to DNS and to prod namespaces. Everything is written into the store and delivered
 * through informers (lag 0) once, in setup; policies arrive before pods, so pods meet every
 * compiled set as they appear. Verdicts cycle through 1024 random pod pairs.
 *
 * <p>{@code verdict} is {@code allows} (the decision: lookups and bit tests); {@code
 * explainedVerdict} is {@code check} (the same plus the {@code PolicyCheck}s, cached for
 * allowed outcomes, built with their reason for denials).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(1)
public class PolicyEvaluationBench {
  private static final int PORT = 8080;

  @Param({"1000", "150000"})
  public int pods;

  @Param({"200", "2000"})
  public int policies;

  private NetworkPolicyEngine engine;
  private final IpAddress[] sources = new IpAddress[1024];
  private final IpAddress[] destinations = new IpAddress[1024];
  private List<NamespacedName> matrixPods;
  private int next;
  private Simulator sim;
  private ApiStore store;
  private NamespacedName relabelled;
  private static final Labels ORIGINAL = Labels.of(Map.of("app", "app0", "tier", "be"));
  private static final Labels RELABELLED = Labels.of(Map.of("app", "app1", "tier", "fe"));

  @Setup(Level.Trial)
  public void setUp() {
    sim = new Simulator(42, Instant.parse("2026-01-01T00:00:00Z"));
    store = new ApiStore(sim, new ObjectValidator());
    InformerFactory informers = new InformerFactory(sim, store);
    engine = new NetworkPolicyEngine(informers.informer(NetworkPolicy.class, Duration.ZERO),
        informers.informer(Pod.class, Duration.ZERO),
        informers.informer(Namespace.class, Duration.ZERO),
        informers.informer(Node.class, Duration.ZERO));
    int namespaces = (pods + 99) / 100;
    for (int n = 0; n < namespaces; n++) {
      store.create(new Namespace(ObjectMeta.named("ns" + n).withLabels(Labels.of(Map.of(
          "team", "t" + n % 20, "env", n % 3 == 0 ? "prod" : "dev"))), "Active"), "bench", "");
    }
    int nodes = Math.max(1, pods / 30);
    for (int i = 0; i < nodes; i++) {
      store.create(Node.of("node-" + i, IpAddress.ipv4(0xAC100000L + i + 1).toString()),
          "bench", "");
    }
    for (int i = 0; i < policies; i++) {
      store.create(policy(i, Math.min(namespaces, 10)), "bench", "");
    }
    matrixPods = new ArrayList<>();
    for (int i = 0; i < pods; i++) {
      NamespacedName name = NamespacedName.of("ns" + i / 100, "pod-" + i);
      store.create(pod(name, i, nodes), "bench", "");
      if (i < 1000) {
        matrixPods.add(name);
      }
    }
    sim.settle(Long.MAX_VALUE);
    relabelled = matrixPods.get(matrixPods.size() / 2);
    SeededRandom random = new SeededRandom(7);
    for (int i = 0; i < sources.length; i++) {
      sources[i] = podIp(random.nextInt(Math.min(pods, 1000)));
      destinations[i] = podIp(random.nextInt(Math.min(pods, 1000)));
    }
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public boolean verdict() {
    int i = next++ & 1023;
    return engine.allows(sources[i], sources[i], destinations[i], PORT, Protocol.TCP);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public ImmutableList<PolicyCheck> explainedVerdict() {
    int i = next++ & 1023;
    return engine.check(sources[i], sources[i], destinations[i], PORT, Protocol.TCP);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Reachability matrix1000x1000() {
    return engine.reachability(matrixPods, matrixPods, PORT, Protocol.TCP);
  }

  /**
   * One pod relabelled (between two apps, so sets and policy lists change each time), written
   * to the store and delivered by the informer: the store's write, the informer and the
   * engine's incremental update together. Its cost should not grow with the cluster.
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 5, time = 1)
  @Measurement(iterations = 5, time = 1)
  public boolean relabelOnePod() {
    Labels labels = (next++ & 1) == 0 ? RELABELLED : ORIGINAL;
    store.patch(Pod.class, relabelled, p -> p.withMetadata(p.metadata().withLabels(labels)),
        "bench", "");
    return sim.step();
  }

  private static IpAddress podIp(int i) {
    return IpAddress.ipv4(0x0A000000L + i + 1);
  }

  private static Pod pod(NamespacedName name, int i, int nodes) {
    Labels labels = Labels.of(Map.of("app", "app" + i % 10,
        "tier", List.of("fe", "be", "db").get(i % 3)));
    Pod pod = Pod.of(name.namespace(), name.name(), labels, Container.of("c", "agnhost",
        List.of(ContainerPort.of("http", 8080), ContainerPort.of("metrics", 9090))));
    String ip = podIp(i).toString();
    return pod.withSpec(pod.spec().withNodeName("node-" + i % nodes))
        .withStatus(new PodStatus(PodPhase.RUNNING, ImmutableList.of(), "", ip,
            ImmutableList.of(ip), Optional.empty(), ImmutableList.of(), ""));
  }

  private static NetworkPolicy policy(int i, int namespaces) {
    String namespace = "ns" + i % namespaces;
    int k = i / namespaces / 5;
    NetworkPolicySpec spec;
    switch (i / namespaces % 5) {
      case 0:
        spec = spec(selector(), List.of("Ingress"), List.of(), List.of());
        break;
      case 1:
        spec = spec(selector("app", "app" + k % 10), List.of(), List.of(rule(List.of(
            NetworkPolicyPort.of(Protocol.TCP, 8080), NetworkPolicyPort.named(Protocol.TCP,
                "metrics")), NetworkPolicyPeer.pods(selector("app", "app" + (k + 1) % 10)))),
            List.of());
        break;
      case 2:
        spec = spec(selector("tier", "be"), List.of(), List.of(rule(List.of(
            NetworkPolicyPort.range(Protocol.TCP, 8000, 8000 + 10 * (k % 20))),
            NetworkPolicyPeer.podsInNamespaces(selector("tier", "fe"),
                selector("team", "t" + k % 20)))), List.of());
        break;
      case 3:
        spec = spec(selector("app", "app" + k % 10), List.of(), List.of(rule(List.of(
            NetworkPolicyPort.of(Protocol.TCP, 8080)), NetworkPolicyPeer.ipBlock(IPBlock.of(
                "10.0.0.0/8", List.of("10.0." + (k % 4) + ".0/24"))))), List.of());
        break;
      default:
        spec = spec(selector("app", "app" + k % 10), List.of("Egress"), List.of(), List.of(
            rule(List.of(NetworkPolicyPort.of(Protocol.UDP, 53)), NetworkPolicyPeer.namespaces(
                selector(Namespace.NAME_LABEL, "ns0"))),
            rule(List.of(NetworkPolicyPort.of(Protocol.TCP, 8080)),
                NetworkPolicyPeer.namespaces(selector("env", "prod")))));
    }
    return NetworkPolicy.of(namespace, "np-" + i, spec);
  }

  private static NetworkPolicySpec spec(LabelSelector pods, List<String> types,
      List<NetworkPolicyRule> ingress, List<NetworkPolicyRule> egress) {
    return NetworkPolicySpec.of(pods, types, ingress, egress);
  }

  private static NetworkPolicyRule rule(List<NetworkPolicyPort> ports, NetworkPolicyPeer peer) {
    return NetworkPolicyRule.of(ports, List.of(peer));
  }

  private static LabelSelector selector(String... keyValue) {
    return keyValue.length == 0 ? LabelSelector.everything()
        : LabelSelector.matchLabels(Map.of(keyValue[0], keyValue[1]));
  }
}
// How to run: mvn -B -q -o package -DskipTests -pl sim-bench -am &&
//   java -jar sim-bench/target/benchmarks.jar PolicyEvaluationBench
