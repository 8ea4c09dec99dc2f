package io.kubenetsim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exit code of each class of error, through the built jar, as scripts see it: 2 for bad
 * input of every kind (unknown command, option, flag, type or name; a missing or malformed
 * value; an unreadable or invalid manifest; an object the API server refuses), 1 only for a
 * check the command made that failed (a connection not established). Each row also pins the
 * first stderr line, which starts as kubectl's do (a line ending in {@code ...} is matched as a
 * prefix); bad input prints nothing on stdout.
 */
@Execution(ExecutionMode.CONCURRENT)
class ExitCodesCliIT {
  private static final String SHOP = "src/test/resources/cli/shop";
  private static final String BAD = "src/test/resources/cli/bad/";

  @TempDir Path scratch;

  static Stream<Arguments> errorClasses() {
    return Stream.of(
        //           class, exit code, first stderr line, then the arguments
        Arguments.of("unknown command", 2,
            "error: unknown command \"fetch\" for \"kube-netsim\"; known commands: tour, shell, "
                + "get, describe, apply, delete, scale, expose, probe, trace, rules, "
                + "port-forward, matrix, nslookup, zone, settle, advance, events",
            new String[] {"fetch", "pods"}),
        Arguments.of("unknown option", 2, "error: unknown option \"--frobnicate\"",
            new String[] {"--frobnicate", "get", "pods"}),
        Arguments.of("bad option value", 2, "error: --nodes needs a whole number, got \"many\"",
            new String[] {"--nodes", "many", "get", "pods"}),
        Arguments.of("unknown flag", 2, "error: unknown flag: --colour",
            new String[] {"-f", SHOP, "get", "pods", "--colour"}),
        Arguments.of("missing flag value", 2, "error: flag needs an argument: 'n' in -n",
            new String[] {"-f", SHOP, "get", "pods", "-n"}),
        Arguments.of("bad flag value", 2,
            "error: invalid argument \"x\" for \"--replicas\" flag: expected a whole number",
            new String[] {"-f", SHOP, "scale", "deployment/web", "--replicas=x", "-n", "shop"}),
        Arguments.of("unknown type", 2, "error: the server doesn't have a resource type "
            + "\"ingress\"", new String[] {"-f", SHOP, "get", "ingress"}),
        Arguments.of("unknown name: get", 2, "Error from server (NotFound): pods \"nope\" "
            + "not found", new String[] {"-f", SHOP, "get", "pod", "nope", "-n", "shop"}),
        Arguments.of("unknown name: describe", 2, "Error from server (NotFound): services "
            + "\"nope\" not found", new String[] {"-f", SHOP, "describe", "svc", "nope"}),
        Arguments.of("unknown name: delete", 2, "Error from server (NotFound): pods \"nope\" "
            + "not found", new String[] {"-f", SHOP, "delete", "pod", "nope", "-n", "shop"}),
        Arguments.of("unknown name: probe --from", 2, "Error from server (NotFound): pods "
            + "\"nope\" not found", new String[] {"-f", SHOP, "probe", "--from", "shop/nope",
                "--to", "shop/debug", "--port", "80"}),
        Arguments.of("unknown name: probe --to", 2, "Error from server (NotFound): services "
            + "\"nope\" not found", new String[] {"-f", SHOP, "probe", "--from", "shop/debug",
                "--to", "svc/shop/nope", "--port", "80"}),
        Arguments.of("invalid manifest", 2, "Error from server (Invalid): error when applying "
            + "\"" + BAD + "bad-port.yaml\" (document 3): The Pod \"shop/web\" is invalid: "
            + "spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be "
            + "between 1 and 65535, inclusive",
            new String[] {"-f", BAD + "bad-port.yaml", "get", "pods"}),
        Arguments.of("missing file", 2, "error: the path \"x.yaml\" does not exist",
            new String[] {"-f", "x.yaml", "get", "pods"}),
        Arguments.of("invalid object", 2, "The Service \"web\" is invalid: spec.type: "
            + "Unsupported value: \"Bogus\": supported values: \"ClusterIP\", \"ExternalName\", "
            + "\"LoadBalancer\", \"NodePort\"", new String[] {"-f", SHOP, "expose",
                "deployment", "web", "-n", "shop", "--port", "80", "--type", "Bogus"}),
        // The reason after the verdict is the dataplane's to word; the row pins the start.
        Arguments.of("failed check", 1, "error: connection refused: ...", new String[] {"-f",
            SHOP, "probe",
                "--from", "shop/debug", "--to", "shop/debug", "--port", "9"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorClasses")
  void eachErrorClassExitsWithItsCodeAndAKubectlStyleLine(String errorClass, int exitCode,
      String firstLine, String[] args) {
    Jar.Result result = Jar.run(scratch, "", args);
    assertEquals(exitCode, result.exitCode(), errorClass + ": " + result);
    String actual = result.stderr().lines().findFirst().orElse("");
    if (firstLine.endsWith("...")) {
      String start = firstLine.substring(0, firstLine.length() - 3);
      assertTrue(actual.startsWith(start), errorClass + ": expected [" + start + "…], got ["
          + actual + "]");
    } else {
      assertEquals(firstLine, actual, errorClass);
    }
    if (exitCode == 2) {
      assertEquals("", result.stdout(), errorClass + ": bad input prints nothing on stdout");
    } else {
      assertTrue(result.stdout().startsWith("REFUSED "), errorClass + ": " + result);
    }
  }
}
