package io.kubenetsim.core.manifest;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.ManifestException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Manifests could not be read: every problem of every document, one per line, in file and
 * document order. Nothing has been applied when this is thrown.
 *
 * <pre>{@code
 * try {
 *   reader.read(Path.of("manifests"));
 * } catch (ManifestDecodeException e) {
 *   e.problems().forEach(p -> System.out.println(p.source() + ": " + p.message()));
 * }
 * }</pre>
 */
public final class ManifestDecodeException extends ManifestException {
  private static final long serialVersionUID = 1L;

  private final ImmutableList<DecodeProblem> problems;

  public ManifestDecodeException(List<DecodeProblem> problems) {
    super(problems.stream().map(DecodeProblem::message).collect(Collectors.joining("\n")));
    this.problems = ImmutableList.copyOf(problems);
  }

  /** {@return the problems, in file and document order} */
  public ImmutableList<DecodeProblem> problems() {
    return problems;
  }
}
