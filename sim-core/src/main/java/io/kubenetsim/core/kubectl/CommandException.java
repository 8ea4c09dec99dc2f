package io.kubenetsim.core.kubectl;

import io.kubenetsim.ApiException;
import io.kubenetsim.manifest.InvalidObject;
import io.kubenetsim.manifest.ManifestException;
import io.kubenetsim.manifest.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * A kubectl-style command cannot go on: its message is what kubectl would print on stderr
 * (already starting with {@code error: }, {@code Error from server} or, for an object rejected
 * as invalid, {@code The Service "web" is invalid:}), its exit code is 2 for bad input (unknown
 * names included) and 1 for a check the command made that failed. {@link KubectlCommand}
 * turns it into a {@link io.kubenetsim.KubectlResult}; it never escapes {@link
 * KubectlCommand#run(java.util.List)}.
 *
 * <pre>{@code
 * throw CommandException.usage("error: unknown flag: --colour");
 * }</pre>
 */
public final class CommandException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Exit code of a command that ran and found something wrong. */
  public static final int FAILED = 1;

  /** Exit code of a command that could not be understood. */
  public static final int USAGE = 2;

  private final int exitCode;

  private CommandException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /** {@return an exception for input the command cannot accept (exit code 2)} */
  public static CommandException usage(String message) {
    return new CommandException(USAGE, message);
  }

  /** {@return an exception for a check the command made that failed (exit code 1)} */
  public static CommandException failed(String message) {
    return new CommandException(FAILED, message);
  }

  /**
   * {@return the API server's refusal as kubectl prints it, as bad input (exit code 2)} Follows
   * kubectl's {@code cmdutil.checkErr} and {@code StandardErrorMessage}: a manifest that cannot
   * be read is one {@code error: …} line per problem ({@code error: the path "x.yaml" does not
   * exist}); an invalid object is {@code The Service "web" is invalid: …}; any other refusal is
   * {@code Error from server (Reason): message}, e.g. {@code Error from server (NotFound): pods
   * "nope" not found}. An invalid object read from a file is {@code Error from server (Invalid):
   * error when applying "x.yaml" (document 2): …}, the line kubectl prints for each error of an
   * apply that failed several times ({@code AddSourceToErr}); for a single error kubectl drops
   * the file name, which this keeps on purpose, so the user can find the document.
   */
  /**
   * Checks that a namespace a flag names exists.
   *
   * @throws CommandException usage, with kubectl's NotFound line, when it does not
   */
  static void requireNamespace(io.kubenetsim.Cluster cluster, String namespace) {
    if (cluster.namespaces().stream().noneMatch(n -> n.metadata().name().equals(namespace))) {
      throw usage(ResourceType.NAMESPACES.notFoundLine(namespace));
    }
  }

  public static CommandException fromApi(ApiException e) {
    List<String> lines = new ArrayList<>();
    if (e instanceof ValidationException invalid) {
      for (InvalidObject object : invalid.objects()) {
        lines.add((object.source().isPresent() ? "Error from server (Invalid): " : "") + object);
      }
    } else if (e instanceof ManifestException) {
      e.getMessage().lines().forEach(line -> lines.add("error: " + line));
    } else {
      lines.add("Error from server (" + e.reason() + "): " + e.getMessage());
    }
    return usage(String.join("\n", lines));
  }

  /** {@return the process exit code kubectl would end with} */
  public int exitCode() {
    return exitCode;
  }
}
