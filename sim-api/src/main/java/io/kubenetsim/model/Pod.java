package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Optional;

/**
 * A Pod ({@code v1}): metadata, the spec a user writes, and the status the cluster reports.
 *
 * <pre>{@code
 * Pod pod = Pod.of("shop", "web-0", Labels.of("app", "web"),
 *     Container.of("web", "nginx", List.of(ContainerPort.of("http", 8080))));
 * }</pre>
 */
public record Pod(ObjectMeta metadata, PodSpec spec, PodStatus status) implements KubernetesObject {

  public static final String KIND = "Pod";

  public Pod {
    checkArgument(metadata != null && spec != null && status != null, "pod parts must not be null");
  }

  /** {@return a pod as a user would write it: no node, no status} */
  public static Pod of(String namespace, String name, Labels labels, Container... containers) {
    return new Pod(ObjectMeta.named(namespace, name).withLabels(labels),
        PodSpec.of(List.of(containers)), PodStatus.pending());
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String apiVersion() {
    return "v1";
  }

  @Override
  public Pod withMetadata(ObjectMeta newMetadata) {
    return new Pod(newMetadata, spec, status);
  }

  public Pod withSpec(PodSpec newSpec) {
    return new Pod(metadata, newSpec, status);
  }

  public Pod withStatus(PodStatus newStatus) {
    return new Pod(metadata, spec, newStatus);
  }

  /** {@return the pod IP, once the pod has one} */
  public Optional<String> ip() {
    return status.podIP().isEmpty() ? Optional.empty() : Optional.of(status.podIP());
  }

  /** {@return whether the pod is Ready} */
  public boolean isReady() {
    return status.isReady();
  }

  @Override
  public String toString() {
    return "Pod " + metadata.key() + " " + status.phase()
        + (status.isReady() ? " Ready" : "")
        + (metadata.isTerminating() ? " Terminating" : "")
        + (status.podIP().isEmpty() ? "" : " ip=" + status.podIP())
        + (spec.nodeName().isEmpty() ? "" : " node=" + spec.nodeName());
  }
}
