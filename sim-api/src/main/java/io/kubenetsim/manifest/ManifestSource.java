package io.kubenetsim.manifest;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Where an object came from: a file and its 1-based document index within that file.
 * Objects built in Java have no source.
 */
public record ManifestSource(String file, int documentIndex) {

  public ManifestSource {
    checkArgument(file != null, "file must not be null");
    checkArgument(documentIndex >= 1, "document index counts from 1, got %s", documentIndex);
  }

  @Override
  public String toString() {
    return "\"" + file + "\" (document " + documentIndex + ")";
  }
}
