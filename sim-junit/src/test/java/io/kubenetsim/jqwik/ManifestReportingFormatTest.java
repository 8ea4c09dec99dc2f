package io.kubenetsim.jqwik;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.junit.FailingSample;
import io.kubenetsim.model.NetworkPolicy;
import java.util.List;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A failing property over a generated Kubernetes object reports its sample as the manifest that
 * recreates it, found by jqwik through {@code META-INF/services} with nothing for the user to
 * register, and that manifest applies back to the same object.
 */
class ManifestReportingFormatTest {

  @Test
  void aFailingSampleObjectIsReportedAsAManifestThatAppliesBackToIt() {
    List<String> report = FailingSample.reportOf(PolicyPropertyThatFails.class);

    String sample = report.stream().filter(e -> e.contains("kind: NetworkPolicy")).findFirst()
        .orElseThrow(() -> new AssertionError("no NetworkPolicy manifest in " + report));
    // The first sample reported is the shrunk one ("Shrunk Sample", or just "Sample" when the
    // first failing try was already minimal); indented under its parameter, it ends at a blank
    // line.
    List<String> lines = sample.lines()
        .dropWhile(l -> !l.startsWith("Shrunk Sample") && !l.equals("Sample"))
        .dropWhile(l -> !l.strip().equals("---")).toList();
    assertTrue(!lines.isEmpty(), "no sample manifest in " + sample);
    String indent = lines.get(0).substring(0, lines.get(0).indexOf('-'));
    String yaml = lines.stream().takeWhile(l -> l.startsWith(indent))
        .map(l -> l.substring(indent.length())).reduce("", (a, b) -> a + b + "\n");
    assertTrue(yaml.startsWith("---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"),
        sample);
    String namespace = PolicyPropertyThatFails.NAMESPACE;
    Cluster cluster = KubeSim.cluster().nodes(1).build();
    cluster.createNamespace(namespace);
    cluster.applyYaml(yaml);
    assertEquals(1, cluster.list(NetworkPolicy.class, namespace).size(), yaml);
  }

  /**
   * Fails on every policy, so jqwik shrinks and reports a sample; from a random seed every time,
   * or jqwik would replay the last run's sample unshrunk.
   */
  static class PolicyPropertyThatFails {
    static final String NAMESPACE = "lab";

    @Property(tries = 3, afterFailure = AfterFailureMode.RANDOM_SEED)
    void everyPolicyIsRejected(@ForAll("policies") NetworkPolicy policy) {
      throw new AssertionError("rejected " + policy.metadata().key());
    }

    @Provide
    Arbitrary<NetworkPolicy> policies() {
      return KubeArbitraries.networkPolicies(NAMESPACE);
    }
  }
}
