package io.kubenetsim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A StatefulSet manifest through the built jar: {@code -f} applies a StatefulSet (with a
 * {@code volumeClaimTemplates} the simulation accepts and drops), its governing headless Service
 * and a ConfigMap; {@code get sts} shows it Ready, {@code get pods} shows the stable names, the
 * Service's EndpointSlice carries each pod's hostname, and {@code get cm} counts the data keys.
 */
@Execution(ExecutionMode.CONCURRENT)
class StatefulSetCliIT {
  private static final String DB = "src/test/resources/cli/statefulset";
  /** kubectl's AGE text: 12s, 3m4s, 90m, 5h, 2d... (HumanDuration). */
  private static final String AGE = "[0-9]+[smhdy][0-9smhd]*";

  @TempDir Path scratch;

  private Jar.Result kubeNetsim(String... args) {
    return Jar.run(scratch, "", args);
  }

  private static void assertRows(List<String> expected, String stdout) {
    List<String> lines = stdout.lines().toList();
    assertEquals(expected.size(), lines.size(), stdout);
    assertEquals(expected.get(0), lines.get(0));
    for (int i = 1; i < expected.size(); i++) {
      String line = lines.get(i);
      assertTrue(line.startsWith(expected.get(i))
          && line.substring(expected.get(i).length()).matches(AGE),
          "expected row [" + expected.get(i) + "AGE], got [" + line + "]");
    }
  }

  @Test
  void getStsShowsTheSetReady() {
    Jar.Result result = kubeNetsim("-f", DB, "get", "sts", "-n", "shop", "-o", "wide");
    assertEquals(0, result.exitCode(), result.toString());
    List<String> lines = result.stdout().lines().toList();
    assertEquals("NAME   READY   AGE   CONTAINERS   IMAGES", lines.get(0));
    assertTrue(lines.get(1).matches("db     3/3     " + AGE + " +postgres     postgres:16"),
        lines.get(1));
  }

  @Test
  void getPodsShowsTheStableNames() {
    Jar.Result result = kubeNetsim("-f", DB, "get", "pods", "-n", "shop");
    assertEquals(0, result.exitCode(), result.toString());
    assertRows(List.of("NAME   READY   STATUS    RESTARTS   AGE",
        "db-0   1/1     Running   0          ",
        "db-1   1/1     Running   0          ",
        "db-2   1/1     Running   0          "), result.stdout());
  }

  @Test
  void theGoverningServicesSliceCarriesEachPodsHostname() throws IOException {
    Jar.Result result = kubeNetsim("-f", DB, "get", "endpointslices", "-n", "shop", "-o",
        "json");
    assertEquals(0, result.exitCode(), result.toString());
    JsonNode list = Jar.jsonStream(result.stdout()).get(0);
    Map<String, String> hostnames = new TreeMap<>();
    List<String> services = new ArrayList<>();
    for (JsonNode slice : list.get("items")) {
      services.add(slice.at("/metadata/labels/kubernetes.io~1service-name").asText());
      for (JsonNode endpoint : slice.get("endpoints")) {
        hostnames.put(endpoint.at("/targetRef/name").asText(), endpoint.path("hostname")
            .asText());
      }
    }
    assertEquals(List.of("db"), services);
    assertEquals(Map.of("db-0", "db-0", "db-1", "db-1", "db-2", "db-2"), hostnames);
  }

  @Test
  void getCmCountsTheDataKeys() {
    Jar.Result result = kubeNetsim("-f", DB, "get", "configmaps", "-n", "shop");
    assertEquals(0, result.exitCode(), result.toString());
    assertRows(List.of("NAME        DATA   AGE", "db-config   2      "), result.stdout());
  }

  @Test
  void scaleStsRemovesTheHighestOrdinals() {
    Jar.Result result = kubeNetsim("-f", DB, "scale", "statefulset/db", "--replicas=1", "-n",
        "shop");
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("statefulset.apps/db scaled\n", result.stdout());
  }
}
