package io.kubenetsim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.ProxyMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Same seed, same script, two separate JVMs: byte-identical output, in every kube-proxy mode.
 * A comparison inside one JVM cannot catch output that follows hash order, because identity
 * hash codes, enum hash codes and the salt of {@code Set.of}/{@code Map.of} are fixed within a
 * process and differ between processes; the second JVM here also runs with {@code
 * -XX:hashCode=2} (every identity hash code the same), so an iteration over a hash of enums or
 * plain objects that reaches the output cannot come out equal by luck. The script is busy —
 * apply, scale up and down, delete a pod, advance, then every view — and the output must be
 * non-trivial (pod IPs, probe backends, the mode's rule dump); another seed must differ. The
 * script ends with DNS lookups (queries balanced over the CoreDNS pods) and NetworkPolicy:
 * policies applied, their YAML, truth tables and a drop.
 */
@Execution(ExecutionMode.CONCURRENT)
class DeterminismCliIT {
  private static final String SCRIPT = String.join("\n",
      "apply -f src/test/resources/cli/services",
      "apply -f src/test/resources/cli/list",
      "settle",
      "scale deployment/web --replicas=5 -n shop",
      "advance 20s",
      "delete pod toolbox -n tools",
      "scale deployment/web --replicas=2 -n shop",
      "advance 45s",
      "settle",
      "get pods -A -o wide",
      "get svc -A",
      "get endpointslices -A",
      "events",
      "probe --from shop/debug --to svc/shop/web --port 80 -o json",
      "probe --from shop/debug --to svc/shop/web --port 80 -o json",
      "probe --from tools/probe --to svc/shop/web --port 80 -o json",
      "trace --from external:198.51.100.4 --to lb/shop/front --port 80",
      "trace --from shop/debug --to svc/shop/web --port 80",
      "rules --node node-1",
      "nslookup --from shop/debug web -o json",
      "nslookup --from shop/debug kubernetes.default",
      "nslookup --from shop/debug 10.96.0.1 --type PTR -o json",
      "probe --from shop/debug --to dns:web --port 80 -o json",
      "apply -f src/test/resources/cli/netpol-traffic",
      "settle",
      "get netpol -A -o yaml",
      "matrix --port 80",
      "matrix --port 80 --to-services -o json",
      "probe --from y/b --to x/a --port 80 -o json",
      "trace --from x/b --to x/a --port 80",
      "");
  private static final List<String> OTHER_HASH_CODES =
      List.of("-XX:+UnlockExperimentalVMOptions", "-XX:hashCode=2");
  private static final Pattern POD_NAME = Pattern.compile("\\bweb-[a-z0-9]+-[a-z0-9]{5}\\b");

  @TempDir Path scratch;

  private Jar.Result shell(List<String> jvmOptions, long seed, ProxyMode mode) {
    Jar.Result result = Jar.run(scratch, SCRIPT, jvmOptions, "--seed", String.valueOf(seed),
        "--proxy-mode", mode.name().toLowerCase(Locale.ROOT), "shell");
    assertEquals(0, result.exitCode(), mode + ": " + result);
    assertEquals("", result.stderr(), mode + ": every command of the script succeeds");
    return result;
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void twoJvmsWithTheSameSeedPrintTheSameBytes(ProxyMode mode) {
    String first = shell(List.of(), 5, mode).stdout();
    String second = shell(OTHER_HASH_CODES, 5, mode).stdout();
    assertEquals(first, second, mode + ": the two JVMs differ");
    String dump = switch (mode) {
      case IPVS -> "IP Virtual Server version";
      case IPTABLES -> "-A KUBE-SERVICES";
      case NFTABLES -> "table ip kube-proxy";
    };
    for (String expected : List.of("pod \"toolbox\" deleted", "settled at virtual time",
        " 10.244.", "\"backendPod\": \"shop/web-", "verdict: ESTABLISHED", dump)) {
      assertTrue(first.contains(expected), mode + ": expected [" + expected + "] in\n" + first);
    }
    // `get pods -A` and `get svc -A` both list kube-system, so their headers are alike.
    int podTable = first.indexOf("NAMESPACE     NAME");
    int serviceTable = first.indexOf("NAMESPACE     NAME", podTable + 1);
    assertEquals(2, webPods(first.substring(podTable, serviceTable)).size(),
        "two web pods after scaling down:\n" + first);
  }

  @Test
  void anotherSeedPrintsOtherPodNames() {
    // The seed reaches the output: the generated name suffixes come from it.
    String five = shell(List.of(), 5, ProxyMode.IPVS).stdout();
    String six = shell(List.of(), 6, ProxyMode.IPVS).stdout();
    assertNotEquals(five, six);
    Set<String> common = webPods(five);
    common.retainAll(webPods(six));
    assertEquals(Set.of(), common, "expected seeds 5 and 6 to name the web pods differently");
  }

  private static Set<String> webPods(String text) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = POD_NAME.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group());
    }
    return names;
  }
}
