package io.kubenetsim.core.policy;

import static io.kubenetsim.core.policy.EngineFixture.NODE_1;
import static io.kubenetsim.core.policy.EngineFixture.NODE_2;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.IPBlock;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyPeer;
import io.kubenetsim.model.NetworkPolicyPort;
import io.kubenetsim.model.NetworkPolicyRule;
import io.kubenetsim.model.Pod;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.PolicyCheck;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.Reachability;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random small clusters (two nodes, two or three labelled namespaces, up to four pods each with
 * random labels, ports and nodes, some hostNetwork), random policies drawn from every shape the
 * engine handles (selectors with expressions, AND and OR peers, ipBlocks with except, numeric,
 * named, ranged and all-port entries, every policyTypes form), then random changes (relabel a
 * pod or namespace, move a pod's IP, delete a pod or policy, add a policy). After every step,
 * for 80 and 81 on TCP and UDP:
 *
 * <ul>
 *   <li>the matrix equals, cell by cell, what {@code check} and {@code allows} say of a
 *       connection from the row's pod IP to the column's;
 *   <li>the incrementally kept engine's matrix equals that of a fresh engine compiled from the
 *       informers' current objects — updates per change lose or keep nothing a rebuild would
 *       not.
 * </ul>
 *
 * The cluster is drawn from a tape of choices (jqwik shrinks it toward zeros, i.e. toward
 * the first option of every choice), printed on failure with the objects it made.
 */
class EngineMatrixProperties {

  private static final List<String> POD_LABELS = List.of("app=web", "app=db", "app=web,tier=fe",
      "tier=fe", "");
  private static final List<String> NAMESPACE_LABELS = List.of("team=a", "team=b",
      "team=a,env=prod", "");
  private static final List<String> SELECTORS = List.of("", "app=web", "app=db", "tier=fe",
      "app in (web,db)", "!tier", "team=a", "env notin (prod)", "team");
  private static final List<List<ContainerPort>> PORT_SETS = List.of(
      List.of(ContainerPort.of("http", 80)),
      List.of(ContainerPort.of("http", 81), new ContainerPort("dns", 80, Protocol.UDP, 0)),
      List.of(ContainerPort.of(80), ContainerPort.of("metrics", 81)),
      List.of());
  private static final List<NetworkPolicyPort> PORTS = List.of(
      NetworkPolicyPort.of(Protocol.TCP, 80), NetworkPolicyPort.of(Protocol.UDP, 80),
      NetworkPolicyPort.named(Protocol.TCP, "http"), NetworkPolicyPort.named(Protocol.UDP, "dns"),
      NetworkPolicyPort.range(Protocol.TCP, 80, 81), NetworkPolicyPort.allPorts(Protocol.UDP),
      NetworkPolicyPort.of(Protocol.TCP, 81), NetworkPolicyPort.named(Protocol.TCP, "metrics"));
  private static final List<List<String>> TYPES = List.of(List.of(), List.of("Ingress"),
      List.of("Egress"), List.of("Ingress", "Egress"));

  @Provide
  Arbitrary<List<Integer>> tapes() {
    return Arbitraries.integers().between(0, 1000).list().ofMinSize(400).ofMaxSize(800);
  }

  @Property(tries = 100)
  void theMatrixAgreesWithCheckAndWithAFreshEngine(@ForAll("tapes") List<Integer> choices) {
    Tape tape = new Tape(choices);
    EngineFixture f = new EngineFixture().node("node-1", NODE_1).node("node-2", NODE_2);
    List<String> log = new ArrayList<>();
    int namespaces = 2 + tape.next(2);
    for (int n = 0; n < namespaces; n++) {
      f.namespace("n" + n, tape.pick(NAMESPACE_LABELS));
      for (int p = 0, count = 1 + tape.next(4); p < count; p++) {
        addPod(f, tape, "n" + n + "/p" + p, log);
      }
    }
    for (int i = 0, count = tape.next(6); i < count; i++) {
      addPolicy(f, tape, "n" + tape.next(namespaces) + "/np" + i, log);
    }
    f.settle();
    assertAgreement(f, log);
    for (int step = 0, steps = tape.next(9); step < steps; step++) {
      change(f, tape, namespaces, step, log);
      f.settle();
      assertAgreement(f, log);
    }
  }

  private static void addPod(EngineFixture f, Tape tape, String key, List<String> log) {
    String node = tape.next(2) == 0 ? "node-1" : "node-2";
    String labels = tape.pick(POD_LABELS);
    if (tape.next(8) == 0) {
      f.hostNetworkPod(key, labels, node, node.equals("node-1") ? NODE_1 : NODE_2);
      log.add("hostNetwork pod " + key + " {" + labels + "} on " + node);
      return;
    }
    String ip = "10.244." + (node.equals("node-1") ? 1 : 2) + "." + (10 + log.size());
    f.pod(key, labels, node, ip, tape.pick(PORT_SETS).toArray(new ContainerPort[0]));
    log.add("pod " + key + " {" + labels + "} " + ip + " on " + node);
  }

  private static void addPolicy(EngineFixture f, Tape tape, String key, List<String> log) {
    List<NetworkPolicyRule> ingress = rules(tape);
    List<NetworkPolicyRule> egress = rules(tape);
    NetworkPolicy policy = EnginePolicies.policy(key, tape.pick(SELECTORS), tape.pick(TYPES),
        ingress, egress);
    f.apply(policy);
    log.add("apply " + policy);
  }

  private static List<NetworkPolicyRule> rules(Tape tape) {
    List<NetworkPolicyRule> rules = new ArrayList<>();
    for (int r = 0, count = tape.next(3); r < count; r++) {
      List<NetworkPolicyPort> ports = new ArrayList<>();
      for (int i = 0, n = tape.next(3); i < n; i++) {
        ports.add(tape.pick(PORTS));
      }
      List<NetworkPolicyPeer> peers = new ArrayList<>();
      for (int i = 0, n = tape.next(3); i < n; i++) {
        peers.add(peer(tape));
      }
      rules.add(NetworkPolicyRule.of(ports, peers));
    }
    return rules;
  }

  private static NetworkPolicyPeer peer(Tape tape) {
    LabelSelector a = LabelSelector.parse(tape.pick(SELECTORS));
    LabelSelector b = LabelSelector.parse(tape.pick(SELECTORS));
    switch (tape.next(6)) {
      case 0:
        return NetworkPolicyPeer.pods(a);
      case 1:
        return NetworkPolicyPeer.namespaces(b);
      case 2:
        return NetworkPolicyPeer.podsInNamespaces(a, b);
      case 3:
        return NetworkPolicyPeer.ipBlock(IPBlock.of("10.244.1.0/24", List.of()));
      case 4:
        return NetworkPolicyPeer.ipBlock(IPBlock.of("10.244.0.0/16",
            List.of("10.244.2.0/25", "10.244.1.12/32")));
      default:
        return NetworkPolicyPeer.ipBlock(IPBlock.of(NODE_2 + "/32", List.of()));
    }
  }

  private static void change(EngineFixture f, Tape tape, int namespaces, int step,
      List<String> log) {
    List<Pod> pods = f.store.list(Pod.class);
    List<NetworkPolicy> policies = f.store.list(NetworkPolicy.class);
    int kind = tape.next(7);
    String namespace = "n" + tape.next(namespaces);
    if (kind == 0 && !pods.isEmpty()) {
      String key = pods.get(tape.next(pods.size())).metadata().key().toString();
      String labels = tape.pick(POD_LABELS);
      f.relabelPod(key, labels);
      log.add("relabel pod " + key + " {" + labels + "}");
    } else if (kind == 1 || kind == 6) {
      String labels = tape.pick(NAMESPACE_LABELS);
      f.relabelNamespace(namespace, labels);
      log.add("relabel namespace " + namespace + " {" + labels + "}");
    } else if (kind == 2 && !pods.isEmpty()) {
      Pod pod = pods.get(tape.next(pods.size()));
      if (!pod.spec().hostNetwork()) {
        String moved = "10.244.3." + (100 + step);
        f.bind(pod.metadata().key().toString(), pod.spec().nodeName(), moved);
        log.add("move " + pod.metadata().key() + " to " + moved);
      }
    } else if (kind == 3 && !pods.isEmpty()) {
      String key = pods.get(tape.next(pods.size())).metadata().key().toString();
      f.deletePod(key);
      log.add("delete pod " + key);
    } else if (kind == 4 && !policies.isEmpty()) {
      String key = policies.get(tape.next(policies.size())).metadata().key().toString();
      f.deletePolicy(key);
      log.add("delete policy " + key);
    } else {
      addPolicy(f, tape, namespace + "/later" + step, log);
    }
  }

  private static void assertAgreement(EngineFixture f, List<String> log) {
    List<Pod> pods = f.store.list(Pod.class);
    List<NamespacedName> names = pods.stream().map(p -> p.metadata().key()).toList();
    NetworkPolicyEngine fresh = f.newEngine();
    for (Protocol protocol : List.of(Protocol.TCP, Protocol.UDP)) {
      for (int port : new int[] {80, 81}) {
        Reachability matrix = f.engine.reachability(names, names, port, protocol);
        Reachability cells = Reachability.of(port, protocol, matrix.from(), matrix.to(),
            (s, d) -> allowedByChecks(f, s, d, port, protocol));
        String context = String.join("\n", log);
        assertEquals(List.of(), matrix.differences(cells), "matrix vs check:\n"
            + matrix.diff(cells) + "\n" + context);
        Reachability rebuilt = fresh.reachability(names, names, port, protocol);
        assertEquals(List.of(), matrix.differences(rebuilt), "incremental vs fresh:\n"
            + matrix.diff(rebuilt) + "\n" + context);
      }
    }
  }

  private static boolean allowedByChecks(EngineFixture f, String source, String destination,
      int port, Protocol protocol) {
    IpAddress from = IpAddress.parse(f.address(source));
    IpAddress to = IpAddress.parse(f.address(destination));
    boolean checks = f.engine.check(from, from, to, port, protocol).stream()
        .allMatch(PolicyCheck::allowed);
    assertEquals(checks, f.engine.allows(from, from, to, port, protocol),
        "allows() and check() disagree on " + source + " -> " + destination);
    return checks;
  }

  /** The choices a cluster is made of; past the end every choice is the first option. */
  private static final class Tape {
    private final List<Integer> choices;
    private int position;

    Tape(List<Integer> choices) {
      this.choices = choices;
    }

    int next(int options) {
      return position < choices.size() ? choices.get(position++) % options : 0;
    }

    <T> T pick(List<T> options) {
      return options.get(next(options.size()));
    }
  }
}
