package io.kubenetsim.core.manifest;

import io.kubenetsim.model.TargetRef;

/**
 * Decodes an endpoint's {@code targetRef} ({@code v1.ObjectReference}), shared by EndpointSlices
 * and legacy Endpoints: {@code kind}, {@code namespace}, {@code name} and {@code uid} are kept;
 * {@code apiVersion}, {@code resourceVersion} and {@code fieldPath} are accepted and dropped.
 */
final class TargetRefDecoder {

  private TargetRefDecoder() {}

  static TargetRef decode(ObjectCursor ref) {
    ref.ignore("apiVersion", "resourceVersion", "fieldPath");
    return new TargetRef(ref.string("kind"), ref.string("namespace"), ref.string("name"),
        ref.string("uid"));
  }
}
