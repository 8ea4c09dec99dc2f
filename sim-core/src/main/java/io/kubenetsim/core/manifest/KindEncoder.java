package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.model.KubernetesObject;

/**
 * Writes the {@code spec} and {@code status} (or whatever a kind has besides {@code apiVersion},
 * {@code kind} and {@code metadata}) of one record type as {@code kubectl get -o json} prints
 * them. Register an implementation with {@link KindRegistry#withEncoder}; {@link ManifestWriter}
 * writes the common parts and sorts keys.
 *
 * @param <T> the record type written
 */
public interface KindEncoder<T extends KubernetesObject> {

  /** {@return the record class this encoder writes} */
  Class<T> type();

  /** {@return whether objects of this kind live in a namespace} */
  boolean namespaced();

  /** Adds the kind's own top-level fields to {@code out}, omitting empty ones as Go does. */
  void encode(T object, ObjectNode out);
}
