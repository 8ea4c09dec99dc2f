package io.kubenetsim.junit;

import static io.kubenetsim.junit.KubeAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.Cluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * What a user reads when a kube-netsim test fails: the assertion's message (what was expected,
 * what happened, the connection's trace, the seed) and, under it, the cluster's report (how to
 * replay, the last events, the last connection). The message is part of the product, so the
 * whole text is pinned here, reviewed as written.
 */
class FailureMessageTest {

  /** Fails: the policy in shop.yaml only lets pods of shop reach web. */
  @KubeSimTest(nodes = 2, seed = 7, namespaces = {"shop", "lab"}, manifests = "shop.yaml",
      reportEvents = 3)
  static class ProbeExpectsToReachWeb {
    @Test
    void probeReachesWeb(Cluster c) {
      assertThat(c).pod("lab/probe").canReach("svc/shop/web", 80);
    }
  }

  @Test
  void aFailedReachShowsTheTraceTheSeedAndTheReplay() throws IOException {
    Throwable failure = FailingSample.failureOf(ProbeExpectsToReachWeb.class);
    String shown = failure.getMessage();
    String report = Arrays.stream(failure.getSuppressed())
        .filter(KubeSimReport.class::isInstance).map(Throwable::getMessage).findFirst()
        .orElse("(no report)");
    String actual = shown + "\n--- the report under it ---\n" + report;
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
    }
    assertEquals(golden(), actual,
        "the message users read changed; review it and, if right, update " + GOLDEN + " (run "
            + "with -Dgolden.update=true to write it)");
  }

  private static final Path GOLDEN = Path.of("src/test/resources/golden/failed-reach.txt");

  private static String golden() throws IOException {
    return Files.readString(GOLDEN, StandardCharsets.UTF_8);
  }
}
