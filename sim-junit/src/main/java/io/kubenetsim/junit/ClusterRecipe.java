package io.kubenetsim.junit;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.CloudProvider;
import io.kubenetsim.Cluster;
import io.kubenetsim.ClusterBuilder;
import io.kubenetsim.KubeSim;
import io.kubenetsim.NetworkPolicyEnforcement;
import io.kubenetsim.ProxyMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * How a test's cluster is built: the settings of {@link KubeSimTest} or of {@link
 * KubeSimExtension.Builder}, kept as data so the same recipe builds the cluster and tells a
 * failing test how to replay it.
 */
record ClusterRecipe(int nodes, long seed, ProxyMode proxyMode, List<String> namespaces,
    List<String> manifests, CloudProvider cloudProvider,
    NetworkPolicyEnforcement networkPolicy, int reportEvents,
    UnaryOperator<ClusterBuilder> customizer) {

  /** The customizer of a recipe that has none. */
  static final UnaryOperator<ClusterBuilder> AS_IS = builder -> builder;

  ClusterRecipe {
    checkArgument(nodes >= 0, "nodes must be zero or more, got %s", nodes);
    checkArgument(reportEvents >= 0, "reportEvents must be zero or more, got %s", reportEvents);
    namespaces = ImmutableList.copyOf(namespaces);
    manifests = ImmutableList.copyOf(manifests);
  }

  static ClusterRecipe of(KubeSimTest settings) {
    return new ClusterRecipe(settings.nodes(), settings.seed(), settings.proxyMode(),
        List.of(settings.namespaces()), List.of(settings.manifests()), settings.cloudProvider(),
        settings.networkPolicy(), settings.reportEvents(), AS_IS);
  }

  /** {@return a fresh cluster, namespaces created, manifests applied, settled} */
  Cluster build(Class<?> testClass) {
    Cluster c = customizer.apply(KubeSim.cluster().nodes(nodes).seed(seed).proxyMode(proxyMode)
        .cloudProvider(cloudProvider).networkPolicy(networkPolicy)).build();
    namespaces.forEach(c::createNamespace);
    for (String manifest : manifests) {
      c.applyYaml(read(testClass, manifest));
    }
    return c.settle();
  }

  /** {@return whether a builder customizer takes part, which the annotation cannot show} */
  boolean customized() {
    return customizer != AS_IS;
  }

  /** {@return the annotation that builds this cluster again} (a customizer is not shown) */
  String annotation() {
    StringBuilder out = new StringBuilder("@KubeSimTest(seed = " + seed + ", nodes = " + nodes);
    if (proxyMode != ProxyMode.IPVS) {
      out.append(", proxyMode = ProxyMode.").append(proxyMode);
    }
    if (!namespaces.isEmpty()) {
      out.append(", namespaces = ").append(quoted(namespaces));
    }
    if (!manifests.isEmpty()) {
      out.append(", manifests = ").append(quoted(manifests));
    }
    if (cloudProvider != CloudProvider.SIMULATED) {
      out.append(", cloudProvider = CloudProvider.").append(cloudProvider);
    }
    if (networkPolicy != NetworkPolicyEnforcement.ENFORCE) {
      out.append(", networkPolicy = NetworkPolicyEnforcement.").append(networkPolicy);
    }
    return out.append(')').toString();
  }

  private static String quoted(List<String> values) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : ", ").append('"').append(values.get(i)).append('"');
    }
    return out.append('}').toString();
  }

  private static String read(Class<?> testClass, String resource) {
    String path = resource.startsWith("/") ? resource.substring(1) : resource;
    try (InputStream in = testClass.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("manifest " + resource + " is not on the class path"
            + " of " + testClass.getName() + "; put it under src/test/resources/" + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading manifest " + resource, e);
    }
  }
}
