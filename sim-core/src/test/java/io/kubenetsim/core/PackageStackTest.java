package io.kubenetsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps sim-core's packages a stack, as docs/ARCHITECTURE.md draws it: a package may import
 * packages of lower layers and the other packages of its own component ({@code proxy} and
 * {@code proxy.iptables}), never a sibling component of its layer or anything above it.
 * The scan reads import lines (and fully qualified names in code), which is enough: sim-core
 * uses no reflection to reach across packages.
 */
class PackageStackTest {

  private static final String ROOT = "io.kubenetsim.core";

  /** Layer per component, lowest first; a component's subpackages share its layer. */
  static final Map<String, Integer> LAYERS = layers(
      List.of("engine"),
      List.of("store", "manifest"),
      List.of("ipam"),
      List.of("controllers", "scheduler", "kubelet", "proxy", "policy", "dns"),
      List.of("net"),
      List.of("kubectl"),
      List.of(""));

  private static final Pattern REFERENCE =
      Pattern.compile("\\b" + Pattern.quote(ROOT) + "((?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");

  @Test
  void everyImportPointsDownTheStack() throws IOException {
    Map<String, TreeSet<String>> edges = importsByPackage(Path.of("src/main/java"));
    assertTrue(edges.size() > 10, "expected sim-core's packages under src/main/java, found "
        + edges.keySet());
    assertEquals(List.of(), violations(edges), "imports against the documented package stack "
        + "(docs/ARCHITECTURE.md)");
  }

  @Test
  void aBadImportIsReported() {
    // The check itself must be able to fail: controllers reaching up into net (the edge the
    // node IPAM move removed) and a sibling import between two components of one layer.
    Map<String, TreeSet<String>> edges = new TreeMap<>();
    edges.put(ROOT + ".controllers", new TreeSet<>(List.of(ROOT + ".net", ROOT + ".store")));
    edges.put(ROOT + ".scheduler", new TreeSet<>(List.of(ROOT + ".kubelet")));
    edges.put(ROOT + ".proxy.iptables", new TreeSet<>(List.of(ROOT + ".proxy")));
    assertEquals(List.of(
        "io.kubenetsim.core.controllers (layer 3) imports io.kubenetsim.core.net (layer 4)",
        "io.kubenetsim.core.scheduler (layer 3) imports io.kubenetsim.core.kubelet (layer 3)"),
        violations(edges));
  }

  @Test
  void aPackageOutsideTheStackIsReported() {
    Map<String, TreeSet<String>> edges = new TreeMap<>();
    edges.put(ROOT + ".gadgets", new TreeSet<>(List.of(ROOT + ".engine")));
    assertEquals(List.of("io.kubenetsim.core.gadgets is not in the stack; add its component "
        + "to docs/ARCHITECTURE.md and PackageStackTest.LAYERS"), violations(edges));
  }

  static List<String> violations(Map<String, TreeSet<String>> edges) {
    TreeSet<String> out = new TreeSet<>();
    edges.forEach((from, targets) -> {
      Optional<String> fromComponent = component(from);
      if (fromComponent.isEmpty()) {
        out.add(from + " is not in the stack; add its component to docs/ARCHITECTURE.md and "
            + "PackageStackTest.LAYERS");
        return;
      }
      for (String to : targets) {
        Optional<String> toComponent = component(to);
        if (toComponent.isEmpty() || toComponent.equals(fromComponent)) {
          continue;
        }
        int fromLayer = LAYERS.get(fromComponent.get());
        int toLayer = LAYERS.get(toComponent.get());
        if (toLayer >= fromLayer) {
          out.add(from + " (layer " + fromLayer + ") imports " + to + " (layer " + toLayer
              + ")");
        }
      }
    });
    return List.copyOf(out);
  }

  /** {@return the component a package belongs to: its first segment under the root} */
  private static Optional<String> component(String pkg) {
    if (pkg.equals(ROOT)) {
      return Optional.of("");
    }
    if (!pkg.startsWith(ROOT + ".")) {
      return Optional.empty();
    }
    String rest = pkg.substring(ROOT.length() + 1);
    String first = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
    return LAYERS.containsKey(first) ? Optional.of(first) : Optional.empty();
  }

  private static Map<String, TreeSet<String>> importsByPackage(Path root) throws IOException {
    Map<String, TreeSet<String>> edges = new TreeMap<>();
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(root)) {
      sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    for (Path source : sources) {
      String pkg = root.relativize(source.getParent()).toString().replace('/', '.');
      TreeSet<String> targets = edges.computeIfAbsent(pkg, k -> new TreeSet<>());
      for (String line : Files.readAllLines(source)) {
        String code = line.strip();
        if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
          continue;
        }
        Matcher m = REFERENCE.matcher(code);
        while (m.find()) {
          targets.add(ROOT + m.group(1));
        }
      }
    }
    return edges;
  }

  @SafeVarargs
  private static Map<String, Integer> layers(List<String>... components) {
    Map<String, Integer> out = new TreeMap<>();
    for (int layer = 0; layer < components.length; layer++) {
      for (String component : components[layer]) {
        out.put(component, layer);
      }
    }
    return out;
  }
}
