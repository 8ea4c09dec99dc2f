package io.kubenetsim.core.manifest;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.ManifestSource;
import io.kubenetsim.model.KubernetesObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What one {@code read} call has found so far: decoded documents and problems, both in file and
 * document order, with the message formats for each kind of problem. Each format is kubectl's,
 * with {@code (document N)} added after the file name.
 */
final class ReadBatch {
  private final List<ManifestDocument> documents = new ArrayList<>();
  private final List<DecodeProblem> problems = new ArrayList<>();

  void document(ManifestSource source, KubernetesObject object) {
    documents.add(new ManifestDocument(source, object));
  }

  /** A file that cannot be read at all. */
  void fileProblem(String file, String message) {
    problems.add(new DecodeProblem(file, 0, "", "", "", message));
  }

  /** {@code error parsing <file> (document N): <detail>}. */
  void syntaxError(String file, int index, String detail) {
    problems.add(new DecodeProblem(file, index, "", "", "",
        "error parsing " + file + " (document " + index + "): " + detail));
  }

  /** {@code error validating "<file>" (document N): error validating data: <detail>}. */
  void validationError(ManifestSource source, String detail) {
    problems.add(new DecodeProblem(source.file(), source.documentIndex(), "", "", "",
        "error validating " + source + ": error validating data: " + detail));
  }

  /** {@code resource mapping not found for name: … no matches for kind …}. */
  void mappingError(ManifestSource source, String apiVersion, String kind, String namespace,
      String name) {
    problems.add(new DecodeProblem(source.file(), source.documentIndex(), kind, namespace, name,
        "resource mapping not found for name: \"" + name + "\" namespace: \"" + namespace
            + "\" from " + source + ": no matches for kind \"" + kind + "\" in version \""
            + apiVersion + "\"; ensure CRDs are installed first"));
  }

  /** {@code error decoding <Kind> "<ns>/<name>" from "<file>" (document N): <detail>}. */
  void decodeError(ManifestSource source, String kind, String namespace, String name,
      String detail) {
    String object = name.isEmpty() ? kind
        : kind + " \"" + (namespace.isEmpty() ? name : namespace + "/" + name) + "\"";
    problems.add(new DecodeProblem(source.file(), source.documentIndex(), kind, namespace, name,
        "error decoding " + object + " from " + source + ": " + detail));
  }

  /**
   * {@return the documents}
   *
   * @throws ManifestDecodeException listing every problem, if there was any
   */
  ImmutableList<ManifestDocument> result() {
    if (!problems.isEmpty()) {
      throw new ManifestDecodeException(problems);
    }
    return ImmutableList.copyOf(documents);
  }
}
