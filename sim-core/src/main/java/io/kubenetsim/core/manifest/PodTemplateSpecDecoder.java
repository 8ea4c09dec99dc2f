package io.kubenetsim.core.manifest;

import io.kubenetsim.model.PodTemplateSpec;

/**
 * Decodes {@code spec.template} ({@code v1.PodTemplateSpec}) of Deployments and ReplicaSets:
 * metadata (labels, annotations) and the shared {@link PodSpecDecoder}.
 */
final class PodTemplateSpecDecoder {

  private PodTemplateSpecDecoder() {}

  static PodTemplateSpec decode(ObjectCursor template) {
    return new PodTemplateSpec(
        ObjectMetaDecoder.decode(template.object("metadata", "v1.ObjectMeta"), false),
        PodSpecDecoder.decode(template.object("spec", "v1.PodSpec")));
  }
}
