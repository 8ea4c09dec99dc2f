package io.kubenetsim.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The tour is the first thing a newcomer runs, so its text is reviewed once and pinned: two
 * runs in one JVM print the same bytes (nothing leaks between clusters, nothing reads the wall
 * clock), and those bytes equal {@code golden/tour.txt}. Run with {@code -Dgolden.update=true}
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

  private static String tour() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, UTF_8)) {
      new Tour(out).run();
    }
    return bytes.toString(UTF_8);
  }
}
