package io.kubenetsim.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.GoldenFile;
import io.kubenetsim.model.KubernetesObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The golden-file and round-trip checks that the writer tests ({@link ManifestWriterTest},
 * {@link ServiceManifestWriterTest}) share, so both follow one rule for updating goldens and
 * one definition of "round trips".
 */
final class ManifestAssertions {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/manifest");

  private ManifestAssertions() {}

  /**
   * Asserts {@code actual} equals the golden file {@code name}; with
   * {@code -Dgolden.update=true} it first rewrites the file, for review in the diff.
   */
  static void assertGolden(String name, String actual) throws IOException {
    GoldenFile.assertMatches(GOLDEN.resolve(name), actual, "written manifest");
  }

  /**
   * Asserts that {@code objects}, written as YAML and as JSON, read back as {@code expected}:
   * all together as one list, and each alone (a single object is written without the list
   * wrapper, so both paths need checking).
   */
  static void assertRoundTrips(ManifestWriter writer, ManifestReader reader,
      List<KubernetesObject> objects, List<KubernetesObject> expected) {
    assertEquals(expected, objects(reader.read(writer.toYaml(objects), "all.yaml")));
    assertEquals(expected, objects(reader.read(writer.toJson(objects), "all.json")));
    for (int i = 0; i < objects.size(); i++) {
      assertEquals(expected.get(i),
          reader.read(writer.toYaml(objects.get(i)), "one.yaml").get(0).object());
      assertEquals(expected.get(i),
          reader.read(writer.toJson(objects.get(i)), "one.json").get(0).object());
    }
  }

  /** {@return the objects of the read documents, in order} */
  static List<KubernetesObject> objects(List<ManifestDocument> docs) {
    return docs.stream().map(ManifestDocument::object).collect(ImmutableList.toImmutableList());
  }
}
