package io.kubenetsim.junit;

/**
 * The cluster's side of a failing test, attached to the failure as a suppressed exception so
 * every runner and IDE prints it under the assertion's own message. It has no stack trace of
 * its own: its message is the report.
 */
public final class KubeSimReport extends RuntimeException {
  private static final long serialVersionUID = 1L;

  KubeSimReport(String report) {
    super(report, null, false, false);
  }
}
