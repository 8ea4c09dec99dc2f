package io.kubenetsim.jqwik;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Connection;
import io.kubenetsim.net.HostPort;
import java.util.List;

/** The check every routing property makes: a connection reached one of the allowed backends. */
final class Landing {
  private Landing() {}

  /**
   * Fails unless {@code connection} reached a backend in {@code backends}; the message names
   * what it reached, the backends, and the {@code context} (which carries the trace).
   */
  static void assertLandsOn(List<HostPort> backends, Connection connection, String context) {
    assertTrue(connection.backend().isPresent() && backends.contains(connection.backend().get()),
        "reached " + connection.backend().map(HostPort::toString).orElse("no backend")
            + ", not one of " + backends + ": " + context);
  }
}
