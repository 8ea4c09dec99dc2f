package io.kubenetsim.core.kubectl;

/**
 * A kubectl-style command cannot go on: its message is what kubectl would print on stderr
 * (already starting with {@code error: } or {@code Error from server}), its exit code is 2 for
 * bad input and 1 for a check that failed. {@link KubectlCommand} turns it into a {@link
 * io.kubenetsim.KubectlResult}; it never escapes {@link KubectlCommand#run(java.util.List)}.
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

  /** {@return the process exit code kubectl would end with} */
  public int exitCode() {
    return exitCode;
  }
}
