package io.kubenetsim.model;

import java.util.Locale;

/**
 * An object of the Kubernetes API: a kind, an apiVersion and metadata.
 *
 * <p>Implemented by the model's records only; not for implementation outside io.kubenetsim.
 */
public interface KubernetesObject {

  /** {@return the object's metadata} */
  ObjectMeta metadata();

  /** {@return the kind, as in a manifest: {@code Pod}, {@code Deployment}, …} */
  String kind();

  /** {@return the apiVersion, as in a manifest: {@code v1}, {@code apps/v1}, …} */
  String apiVersion();

  /** {@return the same object with other metadata} */
  KubernetesObject withMetadata(ObjectMeta metadata);

  /**
   * {@return the object as kubectl's name printer ({@code -o name}) writes it: the lower-case
   * kind, {@code .group} unless the API group is the core one, a slash and the name} For
   * example {@code pod/web-0}, {@code deployment.apps/web}, {@code
   * endpointslice.discovery.k8s.io/web-abc12}, as cli-runtime's {@code NamePrinter} derives it
   * from the object's group and kind.
   */
  default String nameOutput() {
    String apiVersion = apiVersion();
    int slash = apiVersion.indexOf('/');
    String kind = kind().toLowerCase(Locale.ROOT);
    return (slash < 0 ? kind : kind + "." + apiVersion.substring(0, slash)) + "/"
        + metadata().name();
  }

  /** {@return a reference naming this object} */
  default ObjectRef ref() {
    return new ObjectRef(kind(), metadata().namespace(), metadata().name());
  }
}
