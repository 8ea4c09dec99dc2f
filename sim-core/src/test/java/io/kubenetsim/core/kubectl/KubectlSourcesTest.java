package io.kubenetsim.core.kubectl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Determinism guard for this package: its sources name no wall clock, no unseeded randomness
 * and no hash-ordered collection, so nothing here can make two runs print different bytes.
 */
class KubectlSourcesTest {

  private static final Path SOURCES =
      Path.of("src", "main", "java", "io", "kubenetsim", "core", "kubectl");

  /** Whole-word patterns, so {@code LinkedHashMap} and {@code ImmutableSortedMap.of} pass. */
  private static final List<Pattern> FORBIDDEN = Stream.of(
          "System\\.currentTimeMillis", "System\\.nanoTime", "Instant\\.now\\(",
          "LocalDateTime\\.now\\(", "Clock\\.system", "new Random\\(", "Math\\.random",
          "ThreadLocalRandom", "UUID\\.randomUUID", "HashMap", "HashSet", "Map\\.of\\(",
          "Set\\.of\\(", "parallelStream", "Thread\\.sleep")
      .map(regex -> Pattern.compile("\\b" + regex))
      .toList();

  @Test
  void sourcesUseNoClockRandomnessOrHashOrder() throws IOException {
    TreeSet<String> findings = new TreeSet<>();
    int files = 0;
    try (Stream<Path> paths = Files.list(SOURCES)) {
      for (Path path : (Iterable<Path>) paths.sorted()::iterator) {
        files++;
        String text = Files.readString(path, StandardCharsets.UTF_8);
        for (Pattern pattern : FORBIDDEN) {
          if (pattern.matcher(text).find()) {
            findings.add(path.getFileName() + " matches " + pattern);
          }
        }
      }
    }
    assertTrue(files > 10, "expected the kubectl sources under " + SOURCES.toAbsolutePath());
    assertEquals(new TreeSet<String>(), findings, "forbidden names in sim-core kubectl sources");
  }
}
