package io.kubenetsim.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a new user tries first, through the built jar: {@code --help}, {@code -h}, {@code
 * --version}, {@code COMMAND --help} (on the command line and inside {@code shell}), the tour's
 * flags, and {@code --cloud-provider none}. Help goes to stdout with exit 0 and never sends the
 * user to {@code kubectl … --help}; a flag the tour cannot honour is refused with exit 2 and a
 * message saying what it accepts.
 */
@Execution(ExecutionMode.CONCURRENT)
class FirstFiveMinutesCliIT {
  private static final String SERVICES = "src/test/resources/cli/services";

  @TempDir Path scratch;

  private Jar.Result kubeNetsim(String stdin, String... args) {
    return Jar.run(scratch, stdin, args);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h"})
  void helpPrintsTheFullUsageOnStdoutAndExitsZero(String flag) {
    // The full usage names every option (the new one included) and every command.
    Jar.Result result = kubeNetsim("", flag);
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("", result.stderr());
    String usage = result.stdout();
    assertTrue(usage.startsWith("usage: java -jar kube-netsim.jar "), usage);
    for (String word : List.of("--cloud-provider simulated|none", "--proxy-mode", "--version",
        "\n  tour ", "\n  shell\n", "\n  get ", "\n  probe ", "\n  events ", "exit codes: 0")) {
      assertTrue(usage.contains(word), "usage lacks [" + word + "]:\n" + usage);
    }
    assertNoKubectlHelp(usage);
  }

  @Test
  void versionPrintsTheProjectVersionFromTheJarManifestAndJavasVersion() throws IOException {
    // The version is the pom's, read from the jar's manifest: a build folder would say
    // "development build" instead.
    String pom = Files.readString(Path.of("pom.xml"), UTF_8);
    String version = pom.substring(pom.indexOf("<version>") + 9, pom.indexOf("</version>"));
    Jar.Result result = kubeNetsim("", "--version");
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("kube-netsim " + version + " (Java " + System.getProperty("java.version")
        + ")\n", result.stdout());
  }

  @ParameterizedTest
  @ValueSource(strings = {"get", "probe", "tour", "shell"})
  void commandHelpPrintsThatCommandsOwnUsageAndExitsZero(String command) {
    Jar.Result result = kubeNetsim("", command, "--help");
    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.stdout().startsWith("usage: " + command), result.stdout());
    assertNoKubectlHelp(result.stdout());
    if (command.equals("probe")) {
      for (String form : List.of("ns/pod", "node/NAME", "external:IP", "ip:IP", "svc/ns/name",
          "lb/ns/name")) {
        assertTrue(result.stdout().contains(form + " ("), form + ": " + result.stdout());
      }
    }
  }

  @Test
  void insideTheShellHelpAndCommandHelpWork() {
    Jar.Result result = kubeNetsim("help\nget --help\n", "shell");
    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.stdout().contains("\n  describe svc "), result.stdout());
    assertTrue(result.stdout().contains("usage: get TYPE"), result.stdout());
  }

  @Test
  void theTourHonoursSeedNodesAndProxyModeOnEitherSideOfTheWordTour() {
    // Same flags, same text, wherever they are written; the last line names them exactly.
    Jar.Result before = kubeNetsim("", "--seed", "7", "--nodes", "2", "tour", "--proxy-mode",
        "iptables");
    Jar.Result after = kubeNetsim("", "tour", "--seed", "7", "--proxy-mode", "iptables",
        "--nodes", "2");
    assertEquals(0, before.exitCode(), before.toString());
    assertEquals(before.stdout(), after.stdout());
    assertTrue(before.stdout().contains("== 1. A cluster: 2 nodes"), before.stdout());
    assertTrue(before.stdout().contains("(iptables: "), before.stdout());
    assertTrue(before.stdout().endsWith("java -jar kube-netsim.jar tour --seed 8 --nodes 2 "
        + "--proxy-mode iptables\n"), before.stdout());
  }

  @Test
  void theTourRefusesWhatItCannotHonourWithExitTwoAndWhatItAccepts() {
    Jar.Result manifests = kubeNetsim("", "-f", SERVICES, "tour");
    assertEquals(2, manifests.exitCode(), manifests.toString());
    assertEquals("", manifests.stdout());
    assertTrue(manifests.stderr().startsWith("error: the tour builds its own cluster and "
        + "cannot honour --filename; it accepts --seed N, --nodes N (2 or more) and "
        + "--proxy-mode MODE\n"), manifests.stderr());
    Jar.Result extra = kubeNetsim("", "tour", "please");
    assertEquals(2, extra.exitCode(), extra.toString());
    assertTrue(extra.stderr().startsWith("error: tour takes no arguments, got [please]"),
        extra.stderr());
    Jar.Result oneNode = kubeNetsim("", "tour", "--nodes", "1");
    assertEquals(2, oneNode.exitCode(), oneNode.toString());
    assertTrue(oneNode.stderr().startsWith("error: the tour needs at least 2 nodes"),
        oneNode.stderr());
  }

  @Test
  void withCloudProviderNoneANewLoadBalancerStaysPendingWhileAnIngressFromTheManifestCounts() {
    // As on kind without cloud-provider-kind: after ten minutes the exposed LoadBalancer still
    // shows <pending> (with its NodePort allocated) and a probe to it has nowhere to go (exit
    // 1); front, whose manifest carries status.loadBalancer.ingress, keeps and serves that IP.
    String script = "expose deployment web -n shop --name edge --port 80 --target-port http "
        + "--type LoadBalancer\nadvance 10m\nget svc edge front -n shop\n"
        + "probe --from external:198.51.100.4 --to lb/shop/front --port 80\n"
        + "probe --from external:198.51.100.4 --to lb/shop/edge --port 80\n";
    Jar.Result none = kubeNetsim(script, "-f", SERVICES, "--cloud-provider", "none", "shell");
    assertEquals(1, none.exitCode(), none.toString());
    List<String> lines = none.stdout().lines().toList();
    assertTrue(lines.stream().anyMatch(l -> l.matches(
        "edge +LoadBalancer +[0-9.]+ +<pending> +80:3\\d{4}/TCP +.*")), none.stdout());
    assertTrue(lines.stream().anyMatch(l -> l.matches(
        "front +LoadBalancer +[0-9.]+ +203\\.0\\.113\\.7 +.*")), none.stdout());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("ESTABLISHED ")), none.stdout());
    assertTrue(none.stderr().contains("has no LoadBalancer IP"), none.stderr());

    Jar.Result simulated = kubeNetsim(script, "-f", SERVICES, "shell");
    assertEquals(0, simulated.exitCode(), simulated.toString());
    assertFalse(simulated.stdout().contains("<pending>"), simulated.stdout());
  }

  private static void assertNoKubectlHelp(String text) {
    assertFalse(text.matches("(?s).*kubectl [a-z-]* ?--help.*"), "points at kubectl: " + text);
  }
}
