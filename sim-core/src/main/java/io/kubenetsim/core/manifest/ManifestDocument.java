package io.kubenetsim.core.manifest;

import static com.google.common.base.Preconditions.checkArgument;

import io.kubenetsim.manifest.ManifestSource;
import io.kubenetsim.model.KubernetesObject;

/**
 * One object read from a manifest, with the file and 1-based document it came from (for an item
 * of a {@code kind: List}, the List's document).
 *
 * <p>A namespaced object written without a namespace has {@code metadata.namespace == ""}: the
 * caller fills in the apply's default namespace, as kubectl does with {@code -n}.
 */
public record ManifestDocument(ManifestSource source, KubernetesObject object) {

  public ManifestDocument {
    checkArgument(source != null && object != null, "source and object must not be null");
  }
}
