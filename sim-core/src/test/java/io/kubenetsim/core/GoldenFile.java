package io.kubenetsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The golden-file check every golden test shares: {@code actual} must equal the checked-in
 * file. Run with {@code -Dgolden.update=true} to rewrite the files first, then review the
 * change with {@code git diff}.
 */
public final class GoldenFile {
  private GoldenFile() {}

  /** Asserts {@code actual} equals {@code file}; {@code what} names the output in a failure. */
  public static void assertMatches(Path file, String actual, String what) throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(file), "missing golden file " + file.toAbsolutePath()
        + "; run with -Dgolden.update=true to create it");
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
        what + " differs from " + file);
  }
}
