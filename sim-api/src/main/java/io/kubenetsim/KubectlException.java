package io.kubenetsim;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A kubectl-style command run through {@link Cluster#kubectl(String)} did not succeed: it ended
 * with exit code 1 (a check the command made failed, such as a connection not established) or 2
 * (bad input: an unknown verb, flag, type or name, an invalid object). The message is the
 * command and what it printed on stderr, so a failing test shows both; {@link #result()} keeps
 * everything it printed. To inspect failures without catching, call {@link
 * Cluster#kubectlResult(String)}, which returns the result whatever the exit code.
 *
 * <pre>{@code
 * try {
 *   c.kubectl("get ingress");
 * } catch (KubectlException e) {
 *   e.exitCode();   // 2
 *   e.stderr();     // error: the server doesn't have a resource type "ingress"
 * }
 * }</pre>
 */
public class KubectlException extends SimulationException {
  private static final long serialVersionUID = 1L;

  private final String command;
  private final KubectlResult result;

  /**
   * An exception for a command that failed.
   *
   * @throws IllegalArgumentException when {@code result} succeeded; only failures are thrown
   */
  public KubectlException(String command, KubectlResult result) {
    super(message(command, result));
    checkArgument(!result.succeeded(), "command `%s` succeeded; nothing to throw", command);
    this.command = command;
    this.result = result;
  }

  /**
   * {@return {@code result} when it succeeded}
   *
   * @throws KubectlException when it did not, carrying the command and the result
   */
  public static KubectlResult check(String command, KubectlResult result) {
    if (!result.succeeded()) {
      throw new KubectlException(command, result);
    }
    return result;
  }

  /** {@return the command line that failed, as given} */
  public String command() {
    return command;
  }

  /** {@return everything the command printed, and its exit code} */
  public KubectlResult result() {
    return result;
  }

  /** {@return the exit code: 1 for a failed check, 2 for bad input} */
  public int exitCode() {
    return result.exitCode();
  }

  /** {@return what the command printed on stdout before it failed (often nothing)} */
  public String stdout() {
    return result.stdout();
  }

  /** {@return the error line(s) the command printed} */
  public String stderr() {
    return result.stderr();
  }

  private static String message(String command, KubectlResult result) {
    String said = result.stderr().strip();
    return "`" + command + "` failed with exit code " + result.exitCode() + ": "
        + (said.isEmpty() ? "(nothing on stderr)" : said);
  }
}
