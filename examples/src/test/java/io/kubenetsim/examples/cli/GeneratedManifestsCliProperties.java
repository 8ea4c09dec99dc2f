package io.kubenetsim.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.jqwik.ClusterManifests;
import io.kubenetsim.jqwik.KubeArbitraries;
import io.kubenetsim.model.KubernetesObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A failing property prints its shrunk cluster as YAML, and the generators promise that text is
 * a manifest the command-line tool takes: for any generated cluster, {@code apply -f FILE -o
 * name} accepts the whole file (exit 0, nothing on stderr) and names every generated object, in
 * the file's order, as kubectl's name printer does ({@code kind.group/name}).
 */
class GeneratedManifestsCliProperties {

  @Property(tries = 30)
  void everyGeneratedClusterIsAManifestTheCliApplies(@ForAll("clusters") ClusterManifests cluster)
      throws IOException {
    Path file = Files.createTempFile("generated-cluster", ".yaml");
    try {
      Files.writeString(file, cluster.toString(), UTF_8);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = Main.run(List.of("apply", "-f", file.toString(), "-o", "name"),
          new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8),
          new Shell.Input(new ByteArrayInputStream(new byte[0]), false));
      assertEquals(0, code, err.toString(UTF_8));
      assertEquals("", err.toString(UTF_8));
      List<String> expected = cluster.objects().stream()
          .map(o -> resource(o) + "/" + o.metadata().name()).toList();
      assertEquals(expected, out.toString(UTF_8).lines().toList());
    } finally {
      Files.delete(file);
    }
  }

  @Provide
  Arbitrary<ClusterManifests> clusters() {
    return KubeArbitraries.clusters();
  }

  /** {@return the kind, lower case, with its API group when it has one: deployment.apps} */
  private static String resource(KubernetesObject object) {
    String apiVersion = object.apiVersion();
    String kind = object.kind().toLowerCase(Locale.ROOT);
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? kind : kind + "." + apiVersion.substring(0, slash);
  }
}
