package io.kubenetsim;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * What a kubectl-style command printed and how it exited: 0 on success, 1 when a check the
 * command makes fails (a connection not established), 2 on bad input of any kind, unknown names
 * included. {@code toString()} is what a terminal would show. {@link Cluster#kubectl(String)}
 * returns one only on success (and throws {@link KubectlException} otherwise); {@link
 * Cluster#kubectlResult(String)} returns one whatever the exit code.
 */
public record KubectlResult(int exitCode, String stdout, String stderr) {

  public KubectlResult {
    checkArgument(stdout != null && stderr != null, "output must not be null");
  }

  /** {@return a successful result printing this} */
  public static KubectlResult ok(String stdout) {
    return new KubectlResult(0, stdout, "");
  }

  /** {@return whether the command succeeded} */
  public boolean succeeded() {
    return exitCode == 0;
  }

  @Override
  public String toString() {
    return stdout + stderr;
  }
}
