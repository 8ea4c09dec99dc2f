package io.kubenetsim.model;

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

  /** {@return a reference naming this object} */
  default ObjectRef ref() {
    return new ObjectRef(kind(), metadata().namespace(), metadata().name());
  }
}
