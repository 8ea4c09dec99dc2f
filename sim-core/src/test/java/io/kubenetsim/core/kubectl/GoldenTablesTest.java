package io.kubenetsim.core.kubectl;

import static io.kubenetsim.core.kubectl.Fixtures.NOW;
import static io.kubenetsim.core.kubectl.Fixtures.ago;
import static io.kubenetsim.core.kubectl.Fixtures.container;
import static io.kubenetsim.core.kubectl.Fixtures.cordoned;
import static io.kubenetsim.core.kubectl.Fixtures.deployment;
import static io.kubenetsim.core.kubectl.Fixtures.namespace;
import static io.kubenetsim.core.kubectl.Fixtures.nodeWithLabels;
import static io.kubenetsim.core.kubectl.Fixtures.pendingPod;
import static io.kubenetsim.core.kubectl.Fixtures.podWith;
import static io.kubenetsim.core.kubectl.Fixtures.readyNode;
import static io.kubenetsim.core.kubectl.Fixtures.replicaSet;
import static io.kubenetsim.core.kubectl.Fixtures.runningPod;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.core.GoldenFile;
import io.kubenetsim.model.ContainerState;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodPhase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Full {@code kubectl get} tables and {@code describe} texts compared byte for byte with
 * checked-in files under {@code golden/kubectl/} (the NetworkPolicy ones written by hand from
 * kubectl's {@code describeNetworkPolicy} and {@code printNetworkPolicy}, not generated): each
 * case is a command line run against one fixed cluster, and the file holds stdout then stderr. Rewrite the files with {@code
 * -Dgolden.update=true} and review the change with {@code git diff}. A golden file without a
 * case fails the build.
 */
class GoldenTablesTest {

  private static final Path DIR = Path.of("src", "test", "resources", "golden", "kubectl");

  /** Case name → command line; a TreeMap so cases run and are checked in a stable order. */
  private static final Map<String, String> CASES = new TreeMap<>(Map.ofEntries(
      Map.entry("pods-all-namespaces-wide", "get pods -A -o wide"),
      Map.entry("pods-shop", "get pods -n shop"),
      Map.entry("nodes-wide", "get nodes -o wide"),
      Map.entry("deployments-wide", "get deployments -n shop -o wide"),
      Map.entry("replicasets-all-namespaces", "get rs -A"),
      Map.entry("namespaces", "get namespaces"),
      Map.entry("services-all-namespaces", "get svc -A"),
      Map.entry("services-shop-wide", "get services -n shop -o wide"),
      Map.entry("endpoints-shop", "get endpoints -n shop"),
      Map.entry("endpointslices-shop", "get endpointslices -n shop"),
      Map.entry("describe-svc-clusterip", "describe svc kube-dns -n kube-system"),
      Map.entry("describe-svc-nodeport", "describe service/api -n shop"),
      Map.entry("describe-svc-loadbalancer-pending", "describe svc web -n shop"),
      Map.entry("describe-svc-loadbalancer-ingress", "describe svc front -n shop"),
      Map.entry("describe-svc-externalname", "describe svc db -n shop"),
      Map.entry("describe-svc-headless", "describe svc cache -n shop"),
      Map.entry("describe-svc-selectorless", "describe svc orphan -n shop"),
      Map.entry("networkpolicies-all-namespaces", "get netpol -A"),
      Map.entry("networkpolicies-x-wide", "get networkpolicies -n x -o wide"),
      Map.entry("networkpolicies-y-name", "get networkpolicy.networking.k8s.io -n y -o name"),
      Map.entry("describe-netpol-deny-all", "describe netpol deny-all -n x"),
      Map.entry("describe-netpol-and-peer", "describe networkpolicy allow-and -n x"),
      Map.entry("describe-netpol-or-peers", "describe networkpolicies/allow-or -n x"),
      Map.entry("describe-netpol-ipblock", "describe netpol allow-ipblock -n x"),
      Map.entry("describe-netpol-egress-only", "describe netpol egress-only -n y"),
      Map.entry("describe-netpol-named-port-range", "describe netpol named-ports -n y"),
      Map.entry("statefulsets-shop-wide", "get sts -n shop -o wide"),
      Map.entry("statefulsets-all-namespaces", "get statefulsets.apps -A"),
      Map.entry("statefulsets-shop-name", "get statefulset -n shop -o name"),
      Map.entry("configmaps-all-namespaces", "get configmaps -A"),
      Map.entry("configmaps-shop", "get cm -n shop"),

      Map.entry("servicecidrs", "get servicecidrs"),
      Map.entry("servicecidr-kubernetes", "get servicecidr.networking.k8s.io kubernetes"),
      Map.entry("services-dual-stack-wide", "get svc -n ds -o wide"),
      Map.entry("endpointslices-dual-stack", "get endpointslices -n ds"),
      Map.entry("describe-svc-dual-stack", "describe svc web -n ds"),
      Map.entry("describe-svc-ipv6-primary", "describe svc api -n ds"),
      Map.entry("describe-svc-ipv6-headless", "describe svc external -n ds")));

  private static final KubectlCommand KUBECTL =
      new KubectlCommand(new FakeCluster(NOW, cluster()), KubectlCommandTest.FORMATTER);

  static Stream<String> cases() {
    return CASES.keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void tableMatchesGoldenFile(String name) throws IOException {
    String actual = KUBECTL.run(CASES.get(name)).toString();
    Path file = DIR.resolve(name + ".golden");
    GoldenFile.assertMatches(file, actual, "output of [" + CASES.get(name) + "]");
  }

  @Test
  void everyGoldenFileHasACase() throws IOException {
    TreeSet<String> unpaired = new TreeSet<>();
    try (Stream<Path> files = Files.list(DIR)) {
      files.map(p -> p.getFileName().toString())
          .filter(f -> !CASES.containsKey(f.replaceFirst("\\.golden$", "")))
          .forEach(unpaired::add);
    }
    assertEquals(new TreeSet<String>(), unpaired, "golden files without a case in " + DIR);
  }

  /** One cluster with every state the printers distinguish, given in no particular order. */
  private static List<KubernetesObject> cluster() {
    Deployment web = deployment("shop", "web", 3, 2, Duration.ofHours(26));
    Deployment api = deployment("shop", "api", 1, 0, Duration.ofMinutes(4));
    Deployment dns = deployment("kube-system", "coredns", 2, 2, Duration.ofDays(12));
    Pod crashing = podWith("shop", "api-6b7f9-k2x8p", Duration.ofMinutes(4), PodPhase.RUNNING,
        false, container(false, 3, ContainerState.waiting("CrashLoopBackOff"),
            Optional.of(ContainerState.terminated("Error", 1,
                Optional.of(ago(Duration.ofMinutes(3))), ago(Duration.ofSeconds(100))))));
    Pod creating = podWith("shop", "web-5d9c8-q9w2e", Duration.ofSeconds(8), PodPhase.PENDING,
        false, container(false, 0, ContainerState.waiting("ContainerCreating"), Optional.empty()));
    Pod notReady = podWith("shop", "web-5d9c8-m4n7b", Duration.ofHours(26), PodPhase.RUNNING,
        false, container(false, 0, ContainerState.running(ago(Duration.ofHours(26))),
            Optional.empty()));
    Pod terminating = runningPod("shop", "web-5d9c8-a1b2c", Duration.ofHours(26));
    terminating = terminating.withMetadata(
        terminating.metadata().withDeletion(ago(Duration.ofSeconds(10)), 30));
    Node worker = nodeWithLabels(readyNode("node-2", "192.168.0.12", Duration.ofDays(30)),
        Labels.of("node-role.kubernetes.io/worker", ""));
    Node controlPlane = nodeWithLabels(readyNode("cp-1", "192.168.0.2", Duration.ofDays(30)),
        Labels.of(Map.of("node-role.kubernetes.io/control-plane", "",
            "node-role.kubernetes.io/etcd", "")));
    Node drained = cordoned(readyNode("node-1", "192.168.0.11", Duration.ofDays(30)));
    Node lost = Node.of("node-3", "192.168.0.13");
    List<KubernetesObject> objects = new ArrayList<>(ServiceFixtures.goldenObjects());
    objects.addAll(NetworkPolicyFixtures.goldenObjects());
    objects.addAll(StatefulSetFixtures.goldenObjects());
    objects.addAll(DualStackFixtures.goldenObjects());
    objects.addAll(List.of(
        web, crashing, runningPod("shop", "web-5d9c8-zz9xy", Duration.ofMinutes(90)), dns,
        creating, api, notReady, pendingPod("default", "debug", Duration.ofSeconds(2)),
        terminating, runningPod("kube-system", "coredns-7db6d-8xk2p", Duration.ofDays(12)),
        replicaSet(web, "5d9c8", 2, Duration.ofHours(26)), replicaSet(api, "6b7f9", 0,
            Duration.ofMinutes(4)), replicaSet(dns, "7db6d", 2, Duration.ofDays(12)),
        worker, lost, controlPlane, drained,
        namespace("shop", Duration.ofDays(2)), namespace("kube-system", Duration.ofDays(30)),
        namespace("default", Duration.ofDays(30))));
    return objects;
  }
}
