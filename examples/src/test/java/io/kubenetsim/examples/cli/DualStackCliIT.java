package io.kubenetsim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --service-cluster-ip-range a,b} through the built jar: two ranges of different families
 * give the Services of {@code cli/dual-stack} their IPv6 and dual-stack ClusterIPs (the tables
 * are the {@code dual-stack-*} golden cases), a Service's IPv4 ClusterIP is reached from the
 * IPv4-only pods, an IPv6 one is {@code unreachable} (exit 1) with the reason, and a flag value
 * kube-apiserver refuses is bad input (exit 2) in its words ({@code validateClusterIPFlags}).
 */
@Execution(ExecutionMode.CONCURRENT)
class DualStackCliIT {
  private static final String[] DUAL_STACK = {"-f", "src/test/resources/cli/dual-stack",
      "--service-cluster-ip-range", "10.96.0.0/12,fd00:10:96::/112", "--seed", "7"};
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path scratch;

  private Jar.Result kubeNetsim(String... command) {
    String[] args = new String[DUAL_STACK.length + command.length];
    System.arraycopy(DUAL_STACK, 0, args, 0, DUAL_STACK.length);
    System.arraycopy(command, 0, args, DUAL_STACK.length, command.length);
    return Jar.run(scratch, "", args);
  }

  @Test
  void aDualStackServiceWithIpv6FirstIsReachedAtItsIpv4ClusterIp() throws Exception {
    Jar.Result result = kubeNetsim("probe", "--from", "shop/client", "--to", "svc/shop/web",
        "--port", "80", "-o", "json");
    assertEquals(0, result.exitCode(), result.toString());
    JsonNode probe = JSON.readTree(result.stdout());
    assertEquals("established", probe.get("verdict").asText());
    assertTrue(probe.get("destination").asText().startsWith("10."), probe.toString());
  }

  @Test
  void anIpv6ClusterIpIsUnreachableAndSaysWhy() {
    Jar.Result result = kubeNetsim("probe", "--from", "shop/client", "--to", "fd00:10:96::50",
        "--port", "80");
    assertEquals(1, result.exitCode(), result.toString());
    assertEquals("error: connection unreachable: IPv6 traffic is not simulated: pods and nodes "
        + "are IPv4-only, so pod shop/client has no route to fd00:10:96::50, the IPv6 ClusterIP "
        + "of Service shop/web-v6 (network unreachable)",
        result.stderr().lines().findFirst().orElse(""));
    assertTrue(result.stdout().startsWith("UNREACHABLE source "), result.toString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "10.96.0.0/12,172.20.0.0/16 | error: --service-cluster-ip-range[0] and "
          + "--service-cluster-ip-range[1] must be of different IP family, got [10.96.0.0/12, "
          + "172.20.0.0/16]",
      "10.96.0.0/12,fd00:1::/112,fd00:2::/112 | error: --service-cluster-ip-range must not "
          + "contain more than two entries, got [10.96.0.0/12, fd00:1::/112, fd00:2::/112]",
      "10.96.0.0/12,nonsense | error: \"nonsense\" is not a CIDR (e.g. 10.9.8.0/24 or "
          + "2001:db8::/64)",
  })
  void aRangeKubeApiserverRefusesIsBadInput(String ranges, String firstLine) {
    Jar.Result result = Jar.run(scratch, "", "--service-cluster-ip-range", ranges, "get",
        "svc");
    assertEquals(2, result.exitCode(), result.toString());
    assertEquals(firstLine, result.stderr().lines().findFirst().orElse(""));
    assertEquals("", result.stdout());
  }
}
