package io.kubenetsim.core.manifest;

import io.kubenetsim.model.KubernetesObject;

/**
 * Turns one manifest document of a given apiVersion and kind into a model record. Register an
 * implementation with {@link KindRegistry#withDecoder} to make the reader accept a new kind.
 *
 * <p>An implementation reads every field it models from the root cursor, {@linkplain
 * ObjectCursor#ignore ignores} the known fields it does not model (so strict decoding does not
 * call them unknown), applies upstream's defaults, and leaves range checks to validation: a port
 * of 0 or a bad name is decoded as written. {@code apiVersion} and {@code kind} are already
 * consumed when {@link #decode} is called.
 *
 * <pre>{@code
 * final class SecretDecoder implements KindDecoder<Secret> {
 *   public String apiVersion() { return "v1"; }
 *   public String kind() { return "Secret"; }
 *   public boolean namespaced() { return true; }
 *   public Secret decode(ObjectCursor root) { ... }
 * }
 * }</pre>
 *
 * @param <T> the record type produced
 */
public interface KindDecoder<T extends KubernetesObject> {

  /** {@return the apiVersion this decoder reads, e.g. {@code v1} or {@code apps/v1}} */
  String apiVersion();

  /** {@return the kind this decoder reads, e.g. {@code Pod}} */
  String kind();

  /** {@return whether objects of this kind live in a namespace} */
  boolean namespaced();

  /**
   * Decodes a document; problems go to the cursor, and the result is discarded if there were
   * any, so a decoder may return placeholder values after reporting one.
   */
  T decode(ObjectCursor root);
}
