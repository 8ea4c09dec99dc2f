package io.kubenetsim.core;

import io.kubenetsim.Connection;
import java.util.Optional;

/**
 * The last connection the public API handed out (from a pod, a node, an external client or a
 * port-forward): what a failing test's report explains, since the assertion that failed was most
 * likely about it.
 */
final class LastConnection {
  private Connection last;

  /** {@return {@code connection}, remembered as the last one} */
  Connection record(Connection connection) {
    last = connection;
    return connection;
  }

  Optional<Connection> get() {
    return Optional.ofNullable(last);
  }
}
