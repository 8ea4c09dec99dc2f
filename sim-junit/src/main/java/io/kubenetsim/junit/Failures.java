package io.kubenetsim.junit;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import org.opentest4j.AssertionFailedError;

/** How the assertions fail: what was expected, what happened, and the trace that shows why. */
final class Failures {
  private Failures() {}

  /** {@return a failure saying {@code message}, the connection's trace and the seed} */
  static AssertionFailedError about(Cluster cluster, String message, Connection connection) {
    return about(cluster, message + "\n\n" + indented(connection.explain()));
  }

  /** {@return a failure saying {@code message} and the cluster's seed} */
  static AssertionFailedError about(Cluster cluster, String message) {
    return new AssertionFailedError(message + "\n\n(cluster seed " + cluster.seed()
        + "; under @KubeSimTest the report below replays it)");
  }

  private static String indented(String text) {
    return "  " + text.strip().replace("\n", "\n  ");
  }
}
