package io.kubenetsim.jqwik;

import io.kubenetsim.KubeSim;
import io.kubenetsim.model.KubernetesObject;
import java.util.List;
import net.jqwik.api.SampleReportingFormat;

/**
 * Prints a Kubernetes object in a failing jqwik sample as the manifest that recreates it, so a
 * property over {@code @ForAll NetworkPolicy} (or any generated object) reports its shrunk
 * counterexample as YAML to save and apply, like {@link ClusterManifests} does for a cluster.
 * jqwik finds it through {@code META-INF/services}: having kube-netsim-junit on the test class
 * path is enough.
 */
public final class ManifestReportingFormat implements SampleReportingFormat {

  @Override
  public boolean appliesTo(Object value) {
    return value instanceof KubernetesObject;
  }

  @Override
  public Object report(Object value) {
    return SampleReportingFormat.plainLabel(KubeSim.toYaml(List.of((KubernetesObject) value)));
  }
}
