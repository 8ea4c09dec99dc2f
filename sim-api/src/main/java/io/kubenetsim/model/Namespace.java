package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A Namespace ({@code v1}, cluster-scoped). The API server stamps the label {@code
 * kubernetes.io/metadata.name=<name>} on every namespace.
 *
 * @param phase {@code Active} or {@code Terminating}
 */
public record Namespace(ObjectMeta metadata, String phase) implements KubernetesObject {

  public static final String KIND = "Namespace";
  public static final String NAME_LABEL = "kubernetes.io/metadata.name";

  public Namespace {
    checkArgument(metadata != null && phase != null, "namespace parts must not be null");
  }

  /** {@return a namespace as a user writes it} */
  public static Namespace of(String name) {
    return new Namespace(ObjectMeta.named(name), "Active");
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
  public Namespace withMetadata(ObjectMeta newMetadata) {
    return new Namespace(newMetadata, phase);
  }

  @Override
  public String toString() {
    return "Namespace " + metadata.name() + " " + phase;
  }
}
