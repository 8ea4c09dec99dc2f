package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * A StatefulSet ({@code apps/v1}): pods with stable identities — names {@code <set>-0}, {@code
 * <set>-1}, …, each pod's {@code hostname} its name and its {@code subdomain} the governing
 * Service — created in ordinal order, each once the ones before it are Running and Ready
 * (unless {@code podManagementPolicy} is {@code Parallel}), removed in reverse order, and
 * recreated under the same name when deleted or failed.
 *
 * <pre>{@code
 * StatefulSet web = StatefulSet.of("shop", "web", 3, "web", Labels.of("app", "web"),
 *     Container.of("web", "nginx", List.of()));
 * cluster.apply(web);
 * }</pre>
 */
public record StatefulSet(ObjectMeta metadata, StatefulSetSpec spec, StatefulSetStatus status)
    implements KubernetesObject {

  public static final String KIND = "StatefulSet";

  public StatefulSet {
    checkArgument(metadata != null && spec != null && status != null,
        "stateful set parts must not be null");
  }

  /**
   * {@return a StatefulSet of {@code replicas} pods labelled and selected by {@code labels},
   * governed by the Service {@code serviceName}, with upstream's defaults elsewhere}
   */
  public static StatefulSet of(String namespace, String name, int replicas, String serviceName,
      Labels labels, Container... containers) {
    PodTemplateSpec template = new PodTemplateSpec(ObjectMeta.named("").withLabels(labels),
        PodSpec.of(List.of(containers)));
    return new StatefulSet(ObjectMeta.named(namespace, name).withLabels(labels),
        StatefulSetSpec.of(replicas, LabelSelector.matchLabels(labels), serviceName, template),
        StatefulSetStatus.empty());
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String apiVersion() {
    return "apps/v1";
  }

  @Override
  public StatefulSet withMetadata(ObjectMeta newMetadata) {
    return new StatefulSet(newMetadata, spec, status);
  }

  public StatefulSet withSpec(StatefulSetSpec newSpec) {
    return new StatefulSet(metadata, newSpec, status);
  }

  public StatefulSet withStatus(StatefulSetStatus newStatus) {
    return new StatefulSet(metadata, spec, newStatus);
  }

  @Override
  public String toString() {
    return "StatefulSet " + metadata.key() + " " + status.readyReplicas() + "/"
        + spec.replicas() + " ready";
  }
}
