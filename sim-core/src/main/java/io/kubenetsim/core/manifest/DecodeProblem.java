package io.kubenetsim.core.manifest;

import static com.google.common.base.Preconditions.checkArgument;

import io.kubenetsim.manifest.ManifestSource;
import java.util.Optional;

/**
 * One reason a manifest document could not be read, with where it was and what it was.
 *
 * @param file the file name as given (or the source name of text)
 * @param documentIndex the 1-based document index, or 0 for a problem with the whole file
 * @param kind the document's kind, {@code ""} when unknown
 * @param namespace the namespace written in the document, {@code ""} when none
 * @param name the name written in the document, {@code ""} when none
 * @param message the full line, in kubectl's words, naming file, document and object
 */
public record DecodeProblem(
    String file, int documentIndex, String kind, String namespace, String name, String message) {

  public DecodeProblem {
    checkArgument(file != null && kind != null && namespace != null && name != null
        && message != null, "problem parts must not be null");
    checkArgument(documentIndex >= 0, "document index must not be negative: %s", documentIndex);
  }

  /** {@return the document, unless the problem concerns the whole file} */
  public Optional<ManifestSource> source() {
    return documentIndex == 0 ? Optional.empty()
        : Optional.of(new ManifestSource(file, documentIndex));
  }

  @Override
  public String toString() {
    return message;
  }
}
