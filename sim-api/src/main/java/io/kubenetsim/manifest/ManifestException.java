package io.kubenetsim.manifest;

import io.kubenetsim.ApiException;

/**
 * A manifest could not be read at all: a file is missing, a document is not YAML, a value has
 * the wrong JSON type, or a field is unknown. The message names the file, the document and,
 * where there is one, the field.
 */
public class ManifestException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ManifestException(String message) {
    super(Reason.BAD_REQUEST, message);
  }
}
