package io.kubenetsim.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.ProxyMode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tour is the first thing a newcomer runs, so its text is reviewed once and pinned: two
 * runs in one JVM print the same bytes (nothing leaks between clusters, nothing reads the wall
 * clock), and those bytes equal {@code golden/tour.txt}. The seed, node count and proxy mode the
 * command line passes on must tell the same story, and the last line's replay commands must be
 * true. Run with {@code -Dgolden.update=true}
 * to rewrite the golden file, then review the diff.
 */
class TourTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/tour.txt");

  @Test
  void tourPrintsTheSameTextEveryRunAndMatchesTheReviewedGolden() throws IOException {
    String first = tour();
    String second = tour();
    assertEquals(first, second, "expected two runs of the tour to print the same text");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(GOLDEN, first, UTF_8);
    }
    assertTrue(Files.exists(GOLDEN), "missing " + GOLDEN + "; run with -Dgolden.update=true");
    assertEquals(Files.readString(GOLDEN, UTF_8), first, "tour differs from " + GOLDEN);
  }

  @ParameterizedTest(name = "seed {0}, {1} nodes, {2}")
  @CsvSource({"1, 2, IPVS", "7, 3, IPTABLES", "43, 4, NFTABLES", "99, 2, NFTABLES",
      "5, 5, IPTABLES"})
  void everySeedNodeCountAndProxyModeTellsTheWholeStory(long seed, int nodes, ProxyMode mode) {
    // The flags the CLI passes on must not break the story: every chapter is told, the
    // Service keeps its address, the traffic chapter names the mode's way of picking, and the
    // last line's commands replay this run and invite the next seed with the same flags.
    String text = tour(seed, nodes, mode);
    for (String chapter : List.of("== 1. A cluster: ", "== 2. ", "== 3. ", "== 4. ", "== 5. ",
        "== 6. ", "== 7. ", "== The end")) {
      assertTrue(text.contains("\n" + chapter), chapter + " missing:\n" + text);
    }
    assertTrue(text.contains(nodes == 3 ? "three nodes" : nodes + " nodes"), text);
    assertFalse(text.contains("(bug!)"), text);
    assertTrue(text.contains(switch (mode) {
      case IPVS -> "(IPVS round robin)";
      case IPTABLES -> "(iptables: ";
      case NFTABLES -> "(nftables: ";
    }), text);
    String flags = (nodes == 3 ? "" : " --nodes " + nodes)
        + (mode == ProxyMode.IPVS ? "" : " --proxy-mode " + mode.name().toLowerCase(Locale.ROOT));
    String lastLine = text.lines().reduce((a, b) -> b).orElseThrow();
    assertEquals("-- replay it: java -jar kube-netsim.jar tour --seed " + seed + flags
        + "; or tell it with other names, IPs and picks: java -jar kube-netsim.jar tour --seed "
        + (seed + 1) + flags, lastLine);
  }

  @Test
  void theInvitedSeedTellsTheSameStoryWithOtherNamesAndIps() {
    // The last line's promise: another seed gives other pod names and other text, with the
    // same chapters, and the same seed gives the same bytes.
    String invited = tour(Tour.DEFAULT_SEED + 1, Tour.DEFAULT_NODES, ProxyMode.IPVS);
    String reviewed = tour();
    assertNotEquals(reviewed, invited);
    assertEquals(invited, tour(Tour.DEFAULT_SEED + 1, Tour.DEFAULT_NODES, ProxyMode.IPVS));
    assertEquals(reviewed.lines().filter(l -> l.startsWith("== ")).toList(),
        invited.lines().filter(l -> l.startsWith("== ")).toList());
  }

  @Test
  void fewerNodesThanTheStoryNeedsAreRefusedWithTheMinimum() {
    PrintStream discard = new PrintStream(new ByteArrayOutputStream(), true, UTF_8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Tour(discard, 1, 1, ProxyMode.IPVS));
    assertTrue(e.getMessage().startsWith("the tour needs at least 2 nodes"), e.getMessage());
  }

  private static String tour() {
    return tour(Tour.DEFAULT_SEED, Tour.DEFAULT_NODES, ProxyMode.IPVS);
  }

  private static String tour(long seed, int nodes, ProxyMode mode) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, UTF_8)) {
      new Tour(out, seed, nodes, mode).run();
    }
    return bytes.toString(UTF_8);
  }
}
