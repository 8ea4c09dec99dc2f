package io.kubenetsim.core.kubectl;

import static io.kubenetsim.core.kubectl.Fixtures.NOW;
import static io.kubenetsim.core.kubectl.Fixtures.deployment;
import static io.kubenetsim.core.kubectl.Fixtures.readyNode;
import static io.kubenetsim.core.kubectl.Fixtures.replicaSet;
import static io.kubenetsim.core.kubectl.Fixtures.runningPod;
import static io.kubenetsim.core.kubectl.ServiceFixtures.clusterIp;
import static io.kubenetsim.core.kubectl.ServiceFixtures.endpoints;
import static io.kubenetsim.core.kubectl.ServiceFixtures.port;
import static io.kubenetsim.core.kubectl.ServiceFixtures.ready;
import static io.kubenetsim.core.kubectl.ServiceFixtures.slice;
import static io.kubenetsim.core.kubectl.ServiceFixtures.subset;
import static io.kubenetsim.core.kubectl.ServiceFixtures.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.ExposeBuilder;
import io.kubenetsim.KubectlResult;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceType;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code expose}, {@code describe service} and {@code get} for the Service kinds, end to end
 * over a {@link FakeCluster}: what reaches {@code Cluster.expose} (the fake records the
 * builder's options), exit codes and the exact stdout/stderr.
 */
class ServiceVerbsTest {

  private static final Duration AGE = Duration.ofMinutes(5);
  private static final Deployment WEB = deployment("shop", "web", 2, 2, AGE);

  private final FakeCluster cluster = new FakeCluster(NOW, List.of(
      WEB, replicaSet(WEB, "5d9c8", 2, AGE), runningPod("shop", "debug", AGE),
      readyNode("node-1", "192.168.0.11", AGE),
      labelled(clusterIp("shop", "web", "10.96.0.20", AGE, port("", 80, Protocol.TCP, 8080,
          0))),
      clusterIp("shop", "web-admin", "10.96.0.21", AGE, port("", 81, Protocol.TCP, 9000, 0)),
      slice("shop", "web-abcde", "web", AGE, List.of(tcp("", 8080)), ready("10.244.1.5")),
      endpoints("shop", "web", AGE, subset(List.of("10.244.1.5"), List.of(), tcp("", 8080)))));
  private final KubectlCommand kubectl =
      new KubectlCommand(cluster, KubectlCommandTest.FORMATTER);

  private static Service labelled(Service service) {
    return service.withMetadata(service.metadata().withLabels(Labels.of("app", "web")));
  }

  @Test
  void exposePassesEveryFlagToTheBuilderAndPrintsExposed() {
    KubectlResult result = kubectl.run("expose deployment web -n shop --port 80 "
        + "--target-port http --type NodePort --name web-np --protocol TCP "
        + "--cluster-ip 10.96.0.50 --external-ip 198.51.100.7");
    assertResult(0, "service/web-np exposed\n", "", result);
    assertEquals(List.of(new ExposeBuilder.Options("deployment/shop/web", Optional.of("web-np"),
        Optional.of(80), Optional.of(IntOrString.of("http")), Optional.of(Protocol.TCP),
        Optional.of(ServiceType.NODE_PORT), Optional.of("10.96.0.50"),
        Optional.of("198.51.100.7"))), cluster.exposed());
  }

  @Test
  void exposeAcceptsEveryExposableTypeSpellingAndDefaultsToTheObjectName() {
    assertResult(0, "service/web exposed\n", "", kubectl.run("expose deploy/web -n shop"));
    assertResult(0, "service/web-5d9c8 exposed\n", "",
        kubectl.run("expose rs web-5d9c8 -n shop --target-port=8080"));
    assertResult(0, "service/debug exposed\n", "", kubectl.run("-n shop expose po/debug"));
    assertResult(0, "service/web exposed\n", "", kubectl.run("expose svc web -n shop"));
    List<String> targets = cluster.exposed().stream().map(ExposeBuilder.Options::target)
        .toList();
    assertEquals(List.of("deployment/shop/web", "replicaset/shop/web-5d9c8", "pod/shop/debug",
        "service/shop/web"), targets);
    assertEquals(Optional.of(IntOrString.of(8080)), cluster.exposed().get(1).targetPort(),
        "a numeric --target-port is a number");
    assertEquals(Optional.empty(), cluster.exposed().get(0).port(), "no --port, no port");
  }

  @Test
  void exposeRefusesTypesKubectlCannotExpose() {
    assertResult(2, "", "error: cannot expose a Node\n", kubectl.run("expose node node-1"));
    assertResult(2, "", "error: cannot expose a EndpointSlice.discovery.k8s.io\n",
        kubectl.run("expose endpointslice web-abcde -n shop"));
    assertResult(2, "", "error: cannot expose a ConfigMap\n", kubectl.run("expose configmap web"));
    assertResult(2, "", "error: the server doesn't have a resource type \"secret\"\n",
        kubectl.run("expose secret web"));
    assertEquals(List.of(), cluster.exposed(), "nothing reached the cluster");
  }

  @Test
  void exposeReportsBadInputBeforeCreatingAnything() {
    assertResult(2, "", "Error from server (NotFound): deployments.apps \"nope\" not found\n",
        kubectl.run("expose deployment nope -n shop"));
    assertEquals(2, kubectl.run("expose deployment web -n shop --port http").exitCode());
    assertEquals(2, kubectl.run("expose deployment web -n shop --port 70000").exitCode());
    assertResult(2, "", "The Service \"web\" is invalid: spec.type: Unsupported value: "
        + "\"Cluster\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", "
        + "\"NodePort\"\n", kubectl.run("expose deployment web -n shop --type Cluster"));
    assertResult(2, "", "The Service \"w\" is invalid: spec.ports[0].protocol: Unsupported "
        + "value: \"tcp\": supported values: \"SCTP\", \"TCP\", \"UDP\"\n",
        kubectl.run("expose deployment web -n shop --name w --protocol tcp"));
    assertEquals(2, kubectl.run("expose deployment").exitCode());
    assertEquals(2, kubectl.run("expose deployment web --selector app=web").exitCode());
    assertEquals(List.of(), cluster.exposed(), "nothing reached the cluster");
  }

  @Test
  void describeNamesNotFoundAndFallsBackToPrefixMatches() {
    KubectlResult prefix = kubectl.run("describe svc web- -n shop");
    assertEquals(0, prefix.exitCode());
    assertTrue(prefix.stdout().startsWith("Name:                     web-admin\n"),
        prefix.stdout());
    assertTrue(prefix.stdout().endsWith("Events:                   <none>\n\n"),
        "each prefix match is followed by a blank line: " + prefix.stdout());
    assertResult(2, "", "Error from server (NotFound): services \"zzz\" not found\n",
        kubectl.run("describe svc zzz -n shop"));
    assertResult(2, "", "Error from server (NotFound): services \"web-\" not found\n",
        kubectl.run("describe service/web- -n shop"));
    assertResult(0, "", "No resources found in empty namespace.\n",
        kubectl.run("describe svc -n empty"));
    assertEquals(2, kubectl.run("describe pods").exitCode(), "only services are describable");
    assertEquals(2, kubectl.run("describe").exitCode());
  }

  @Test
  void describeSeveralServicesSeparatesThemWithABlankLinePair() {
    KubectlResult both = kubectl.run("describe svc -n shop");
    String web = kubectl.run("describe svc/web -n shop").stdout();
    String admin = kubectl.run("describe service web-admin -n shop").stdout();
    assertResult(0, web + "\n\n" + admin, "", both);
    assertResult(0, web + "\n\n" + admin, "", kubectl.run("describe svc web web-admin -n shop"));
  }

  @Test
  void getEndpointsWarnsOfTheDeprecationInEveryFormat() {
    String warning = "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 "
        + "EndpointSlice\n";
    assertResult(0, "NAME   ENDPOINTS         AGE\nweb    10.244.1.5:8080   5m\n", warning,
        kubectl.run("get endpoints -n shop"));
    assertResult(0, "endpoints/web\n", warning, kubectl.run("get ep -n shop -o name"));
    assertResult(0, "", warning + "No resources found in default namespace.\n",
        kubectl.run("get ep"));
    assertResult(2, "", warning + "Error from server (NotFound): endpoints \"x\" not found\n",
        kubectl.run("get ep x"));
    assertEquals("", kubectl.run("get endpointslices -n shop").stderr(), "slices: no warning");
  }

  @Test
  void namesOfTheServiceKindsInNameOutput() {
    assertResult(0, "service/web\nservice/web-admin\n", "",
        kubectl.run("get svc -n shop -o name"));
    assertResult(0, "endpointslice.discovery.k8s.io/web-abcde\n", "",
        kubectl.run("get endpointslice.discovery.k8s.io -n shop -oname"));
    assertResult(0, "service/web\n", "", kubectl.run("get services -A -l app=web -o name"));
    assertResult(0, "json single=true [shop/web]\n", "",
        kubectl.run("get service web -n shop -o json"));
    assertResult(2, "", "Error from server (NotFound): endpointslices.discovery.k8s.io \"x\" "
        + "not found\n", kubectl.run("get endpointslices x"));
  }

  private static void assertResult(
      int exitCode, String stdout, String stderr, KubectlResult result) {
    assertEquals(stdout, result.stdout(), "stdout");
    assertEquals(stderr, result.stderr(), "stderr");
    assertEquals(exitCode, result.exitCode(), "exit code");
  }
}
