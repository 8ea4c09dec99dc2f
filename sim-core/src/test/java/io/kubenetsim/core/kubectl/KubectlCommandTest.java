package io.kubenetsim.core.kubectl;

import static io.kubenetsim.core.kubectl.Fixtures.NOW;
import static io.kubenetsim.core.kubectl.Fixtures.deployment;
import static io.kubenetsim.core.kubectl.Fixtures.namespace;
import static io.kubenetsim.core.kubectl.Fixtures.pendingPod;
import static io.kubenetsim.core.kubectl.Fixtures.readyNode;
import static io.kubenetsim.core.kubectl.Fixtures.runningPod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubenetsim.KubectlResult;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Pod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code get} end to end over a fake cluster: flags, exit codes, the exact stdout and stderr
 * kubectl prints, namespace filtering and sorting. Objects are handed to the fake out of order,
 * so a passing table also proves the command sorts for itself.
 */
class KubectlCommandTest {

  /** Prints which objects it was given, so tests see the single/list decision. */
  static final ObjectFormatter FORMATTER = new ObjectFormatter() {
    @Override
    public String json(List<? extends KubernetesObject> items, boolean single) {
      return "json single=" + single + " " + names(items);
    }

    @Override
    public String yaml(List<? extends KubernetesObject> items, boolean single) {
      return "yaml single=" + single + " " + names(items) + "\n";
    }

    @Override
    public String appliedJson(List<? extends KubernetesObject> items) {
      return "applied json " + names(items) + "\n";
    }

    @Override
    public String appliedYaml(List<? extends KubernetesObject> items) {
      return "applied yaml " + names(items) + "\n";
    }

    private String names(List<? extends KubernetesObject> items) {
      List<String> names = new ArrayList<>();
      items.forEach(i -> names.add(i.metadata().namespace() + "/" + i.metadata().name()));
      return names.toString();
    }
  };

  private static Pod labelled(Pod pod, String app) {
    return pod.withMetadata(pod.metadata().withLabels(Labels.of("app", app)));
  }

  private final KubectlCommand kubectl = new KubectlCommand(new FakeCluster(NOW, List.of(
      labelled(runningPod("shop", "web-b", Duration.ofMinutes(5)), "web"),
      labelled(runningPod("default", "hello", Duration.ofHours(1)), "hello"),
      labelled(pendingPod("shop", "api-a", Duration.ofSeconds(40)), "api"),
      labelled(runningPod("shop", "web-a", Duration.ofMinutes(6)), "web"),
      deployment("shop", "web", 2, 2, Duration.ofMinutes(7)),
      readyNode("node-2", "192.168.0.12", Duration.ofDays(2)),
      readyNode("node-1", "192.168.0.11", Duration.ofDays(2)),
      namespace("shop", Duration.ofDays(1)),
      namespace("default", Duration.ofDays(3)))), FORMATTER);

  @Test
  void getPodsListsTheDefaultNamespace() {
    assertResult(0, "NAME    READY   STATUS    RESTARTS   AGE\n"
            + "hello   1/1     Running   0          60m\n",
        "", kubectl.run("get pods"));
  }

  @Test
  void namespaceFlagInEveryFormSelectsThatNamespaceSortedByName() {
    String expected = "NAME    READY   STATUS    RESTARTS   AGE\n"
        + "api-a   0/1     Pending   0          40s\n"
        + "web-a   1/1     Running   0          6m\n"
        + "web-b   1/1     Running   0          5m\n";
    for (String line : List.of("get pods -n shop", "get po --namespace shop",
        "get pod --namespace=shop", "-n shop get pods", "kubectl get pods -nshop")) {
      assertResult(0, expected, "", kubectl.run(line));
    }
  }

  @Test
  void allNamespacesPrependsANamespaceColumnAndSortsByNamespaceThenName() {
    assertResult(0, "NAMESPACE   NAME    READY   STATUS    RESTARTS   AGE\n"
            + "default     hello   1/1     Running   0          60m\n"
            + "shop        api-a   0/1     Pending   0          40s\n"
            + "shop        web-a   1/1     Running   0          6m\n"
            + "shop        web-b   1/1     Running   0          5m\n",
        "", kubectl.run("get pods -A"));
  }

  @Test
  void selectorFiltersByLabels() {
    assertResult(0, "NAME    READY   STATUS    RESTARTS   AGE\n"
            + "web-a   1/1     Running   0          6m\n"
            + "web-b   1/1     Running   0          5m\n",
        "", kubectl.run("get pods -n shop -l app=web"));
    assertResult(0, "NAMESPACE   NAME    READY   STATUS    RESTARTS   AGE\n"
            + "default     hello   1/1     Running   0          60m\n"
            + "shop        api-a   0/1     Pending   0          40s\n",
        "", kubectl.run(List.of("get", "pods", "-A", "--selector", "app in (api, hello)")));
  }

  @Test
  void emptyResultsSayNoResourcesFoundOnStderrAndSucceed() {
    assertResult(0, "", "No resources found in shop namespace.\n",
        kubectl.run("get pods -n shop -l app=nothing"));
    assertResult(0, "", "No resources found in empty namespace.\n",
        kubectl.run("get deployments -n empty"));
    assertResult(0, "", "No resources found\n", kubectl.run("get pods -A -l app=nothing"));
    KubectlCommand bare = new KubectlCommand(new FakeCluster(NOW, List.of()), FORMATTER);
    assertResult(0, "", "No resources found\n", bare.run("get nodes"));
  }

  @Test
  void clusterScopedKindsIgnoreTheNamespace() {
    assertResult(0, "NAME     STATUS   ROLES    AGE   VERSION\n"
            + "node-1   Ready    <none>   2d    v1.34.0\n"
            + "node-2   Ready    <none>   2d    v1.34.0\n",
        "", kubectl.run("get no -n shop"));
    assertResult(0, "NAME      STATUS   AGE\ndefault   Active   3d\nshop      Active   24h\n", "",
        kubectl.run("get ns -A"));
  }

  @Test
  void getByNamePrintsThoseObjectsAndAnUnknownNameMakesExitCodeTwo() {
    // An unknown name is bad input (2), not a failed check (1), so a script can tell a typo
    // from a verdict; kubectl still prints what it found before its NotFound line.
    assertResult(0, "NAME    READY   STATUS    RESTARTS   AGE\n"
            + "web-a   1/1     Running   0          6m\n",
        "", kubectl.run("get pods web-a -n shop"));
    assertResult(2, "", "Error from server (NotFound): pods \"x\" not found\n",
        kubectl.run("get pods x"));
    assertResult(2, "NAME    READY   STATUS    RESTARTS   AGE\n"
            + "web-b   1/1     Running   0          5m\n",
        "Error from server (NotFound): pods \"nope\" not found\n",
        kubectl.run("get pod web-b nope -n shop"));
    assertResult(2, "", "Error from server (NotFound): deployments.apps \"api\" not found\n",
        kubectl.run("get deploy api -n shop"));
    assertResult(2, "", "Error from server (NotFound): nodes \"node-7\" not found\n",
        kubectl.run("get node node-7"));
  }

  @Test
  void typeSlashNameFormFetchesByName() {
    assertResult(0, "pod/web-a\npod/web-b\n", "",
        kubectl.run("get pod/web-b po/web-a -n shop -o name"));
  }

  @Test
  void outputNameUsesTheGroupQualifiedSingularAndPrintsNothingWhenEmpty() {
    assertResult(0, "pod/api-a\npod/web-a\npod/web-b\n", "",
        kubectl.run("get pods -n shop -o name"));
    assertResult(0, "deployment.apps/web\n", "",
        kubectl.run("get deployments.apps -n shop -oname"));
    assertResult(0, "namespace/default\nnamespace/shop\n", "",
        kubectl.run("get namespaces -o name"));
    assertResult(0, "", "", kubectl.run("get pods -n empty -o name"));
  }

  @Test
  void jsonAndYamlGoThroughTheFormatterSingleOnlyForOneName() {
    assertResult(0, "json single=true [shop/web-a]\n", "",
        kubectl.run("get pod web-a -n shop -o json"));
    assertResult(0, "json single=false [shop/web-a, shop/web-b]\n", "",
        kubectl.run("get pods -n shop -l app=web --output=json"));
    assertResult(0, "yaml single=false []\n", "", kubectl.run("get pods -n empty -o yaml"));
  }

  @Test
  void failedJsonCommandPrintsNothingOnStdoutAsKubectlDoes() {
    // The {"error": …} object is the shell's job (KubectlResults.applyJsonErrorRule), not
    // kubectl's: a one-shot command keeps stdout empty on failure.
    assertResult(2, "", "Error from server (NotFound): pods \"x\" not found\n",
        kubectl.run("get pod x -o json"));
    KubectlResult badFlag = kubectl.run("get pods --bogus -o json");
    assertEquals(2, badFlag.exitCode());
    assertEquals("", badFlag.stdout());
  }

  @Test
  void wideOutputAddsTheWideColumns() {
    assertResult(0, "NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     "
            + "NOMINATED NODE   READINESS GATES\n"
            + "hello   1/1     Running   0          60m   10.244.1.5   node-1   <none>           "
            + "<none>\n",
        "", kubectl.run("get pods -owide"));
  }

  @Test
  void badInputIsExitCodeTwoWithKubectlsMessage() {
    assertResult(2, "", "error: the server doesn't have a resource type \"podz\"\n",
        kubectl.run("get podz"));
    assertResult(2, "", "error: unknown flag: --colour\nSee 'get --help' for usage.\n",
        kubectl.run("get pods --colour"));
    assertResult(2, "", "error: unknown shorthand flag: 'x' in -x\n"
        + "See 'get --help' for usage.\n", kubectl.run("get pods -x"));
    assertResult(2, "", "error: unable to match a printer suitable for the output format "
        + "\"table\", allowed formats are: json,name,wide,yaml\n",
        kubectl.run("get pods -o table"));
    assertResult(2, "", "error: name cannot be provided when a selector is specified\n",
        kubectl.run("get pods web-a -l app=web"));
    assertResult(2, "", "error: a resource cannot be retrieved by name across all namespaces\n",
        kubectl.run("get pods web-a -A"));
    assertEquals(2, kubectl.run("get pods,nodes").exitCode());
    assertEquals(2, kubectl.run("get").exitCode());
    assertEquals(2, kubectl.run("get pods -l 'app in (web'").exitCode());
  }

  @Test
  void unknownVerbEmptyLineAndUnbalancedQuotesAreUsageErrors() {
    String known = "known commands: get, describe, apply, delete, scale, expose, probe, trace, "
        + "rules, port-forward, matrix, nslookup, zone, settle, "
        + "advance, events\n";
    assertResult(2, "", "error: unknown command \"fetch\" for \"kubectl\"; " + known,
        kubectl.run("fetch pods"));
    assertResult(2, "", "error: no command given; " + known, kubectl.run("  "));
    KubectlResult quote = kubectl.run("get pods -l 'app=web");
    assertEquals(2, quote.exitCode());
    assertEquals(true, quote.stderr().startsWith("error: unterminated ' quote"), quote.stderr());
  }

  @Test
  void verbsPlugInThroughTheRegistryInOrderAndMustHaveDistinctNames() {
    Verb echo = new Verb() {
      @Override
      public String name() {
        return "echo";
      }

      @Override
      public KubectlResult run(List<String> args, KubectlContext context) {
        if (args.isEmpty()) {
          throw CommandException.failed("error: nothing to echo");
        }
        return KubectlResult.ok(String.join(" ", args) + " @" + context.cluster().now() + "\n");
      }
    };
    List<Verb> verbs = new ArrayList<>(KubectlCommand.defaultVerbs());
    verbs.add(echo);
    KubectlCommand extended = new KubectlCommand(new FakeCluster(NOW, List.of()), FORMATTER, verbs);
    assertEquals(List.of("get", "describe", "apply", "delete", "scale", "expose", "probe",
        "trace", "rules", "port-forward", "matrix", "nslookup", "zone", "settle", "advance",
        "events", "echo"),
        extended.verbNames());
    assertResult(0, "a b -n x @2025-03-01T12:00:00Z\n", "", extended.run("-n x echo a b"));
    assertResult(1, "", "error: nothing to echo\n", extended.run("echo"));
    assertThrows(IllegalArgumentException.class, () -> new KubectlCommand(
        new FakeCluster(NOW, List.of()), FORMATTER, List.of(new GetVerb(), new GetVerb())));
  }

  private static void assertResult(
      int exitCode, String stdout, String stderr, KubectlResult result) {
    assertEquals(stdout, result.stdout(), "stdout");
    assertEquals(stderr, result.stderr(), "stderr");
    assertEquals(exitCode, result.exitCode(), "exit code");
  }
}
