package io.kubenetsim.junit;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.PolicyCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Assertions on one connection, and on more made the same way ({@link #reachesOnly}). Every
 * failure message shows the connection's trace ({@code explain()}) and the cluster's seed.
 */
public final class ConnectionAssert {
  private final Cluster cluster;
  private final String description;
  private final Connection connection;
  /** Makes the connection again; empty for a connection the test made itself. */
  private final Optional<Supplier<Connection>> again;

  ConnectionAssert(Cluster cluster, String description, Supplier<Connection> again) {
    this.cluster = cluster;
    this.description = description;
    this.again = Optional.of(again);
    this.connection = again.get();
  }

  ConnectionAssert(Cluster cluster, Connection made) {
    this.cluster = cluster;
    this.description = "the connection " + made.explain().lines().findFirst().orElse("");
    this.again = Optional.empty();
    this.connection = made;
  }

  /** {@return the connection asserted on, for anything these assertions do not ask} */
  public Connection connection() {
    return connection;
  }

  /** Asserts the connection was established. {@return this} */
  public ConnectionAssert isEstablished() {
    if (!connection.isEstablished()) {
      throw Failures.about(cluster, "expected " + description + " to be established, but it "
          + "was " + connection.verdict(), connection);
    }
    return this;
  }

  /** Asserts the connection was not established, whatever stopped it. {@return this} */
  public ConnectionAssert isNotEstablished() {
    if (connection.isEstablished()) {
      throw Failures.about(cluster, "expected " + description + " not to be established, but "
          + "it reached " + backend(connection), connection);
    }
    return this;
  }

  /** Asserts how the connection ended. {@return this} */
  public ConnectionAssert hasVerdict(ConnectionVerdict expected) {
    if (connection.verdict() != expected) {
      throw Failures.about(cluster, "expected " + description + " to end " + expected
          + ", but it was " + connection.verdict(), connection);
    }
    return this;
  }

  /**
   * Asserts a NetworkPolicy dropped the connection and {@code policy} ({@code namespace/name})
   * is among the policies that isolate the pod in the direction that denied it (none of which
   * allowed the traffic). {@return this}
   */
  public ConnectionAssert isDeniedBy(String policy) {
    Optional<PolicyCheck> denied = PolicyCheck.firstDenied(connection.policyChecks());
    if (denied.isEmpty()) {
      throw Failures.about(cluster, "expected " + description + " to be denied by "
          + "NetworkPolicy " + policy + ", but no policy denied it: it was "
          + connection.verdict(), connection);
    }
    if (!denied.get().policies().contains(policy)) {
      throw Failures.about(cluster, "expected " + description + " to be denied by "
          + "NetworkPolicy " + policy + ", but the " + denied.get().direction().apiName()
          + " of " + denied.get().pod() + " was denied by " + denied.get().policies(),
          connection);
    }
    return this;
  }

  /** Asserts the backend saw the node's address, not the client's (SNAT). {@return this} */
  public ConnectionAssert isMasqueraded() {
    isEstablished();
    if (!connection.masqueraded()) {
      throw Failures.about(cluster, "expected " + description + " to be masqueraded, but "
          + "the backend saw the client's own address " + connection.sourceSeenByBackend(),
          connection);
    }
    return this;
  }

  /** Asserts the backend saw the client's own address (no SNAT). {@return this} */
  public ConnectionAssert isNotMasqueraded() {
    isEstablished();
    if (connection.masqueraded()) {
      throw Failures.about(cluster, "expected " + description + " to keep the client's "
          + "address, but it was masqueraded to " + connection.sourceSeenByBackend(),
          connection);
    }
    return this;
  }

  /**
   * Makes the connection again, as many times as there are candidate backends times three (at
   * least ten), and asserts every one lands on a pod matching one of {@code pods}: a full name
   * ({@code shop/web-5d8f-x2k4p}), or a prefix ending in {@code …} or {@code *} ({@code
   * shop/web-…}). {@return this}
   */
  public ConnectionAssert reachesOnly(String... pods) {
    Supplier<Connection> remake = again.orElseThrow(() -> new IllegalStateException(
        "reachesOnly makes the connection again: start from assertThat(cluster).pod(...)"
            + ".connectingTo(...) rather than from a connection already made"));
    isEstablished();
    int attempts = Math.max(10, 3 * connection.candidates().size());
    Map<String, Integer> seen = new TreeMap<>();
    List<Connection> strays = new ArrayList<>();
    for (int i = 0; i < attempts; i++) {
      Connection next = i == 0 ? connection : remake.get();
      String backend = backend(next);
      seen.merge(backend, 1, Integer::sum);
      if (!next.isEstablished() || !matchesAny(next.backendPod().orElse(""), pods)) {
        strays.add(next);
      }
      next.close();
    }
    if (!strays.isEmpty()) {
      throw Failures.about(cluster, "expected " + description + " to reach only "
          + List.of(pods) + ", but " + attempts + " connections reached " + seen,
          strays.get(0));
    }
    return this;
  }

  private static boolean matchesAny(String pod, String[] patterns) {
    for (String pattern : patterns) {
      boolean prefix = pattern.endsWith("…") || pattern.endsWith("*");
      String stem = prefix ? pattern.substring(0, pattern.length() - 1) : pattern;
      if (prefix ? pod.startsWith(stem) : pod.equals(stem)) {
        return true;
      }
    }
    return false;
  }

  private static String backend(Connection connection) {
    if (!connection.isEstablished()) {
      return connection.verdict().toString();
    }
    return connection.backendPod().orElse(connection.backend().map(Object::toString)
        .orElse("outside the cluster"));
  }
}
