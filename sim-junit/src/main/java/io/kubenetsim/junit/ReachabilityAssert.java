package io.kubenetsim.junit;

import io.kubenetsim.Cluster;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.Reachability;
import java.util.List;

/**
 * Asserts who may reach whom by NetworkPolicy, against a truth table written as upstream's e2e
 * suite prints them ({@link Reachability#toString()}).
 *
 * <pre>{@code
 * assertReachability(c).on(80).matches("""
 *     -      x/a  x/b  y/a
 *     x/a    .    .    X
 *     x/b    .    .    X
 *     y/a    .    .    .
 *     """);
 * }</pre>
 */
public final class ReachabilityAssert {
  private final Cluster cluster;
  private final int port;
  private final Protocol protocol;

  ReachabilityAssert(Cluster cluster, int port, Protocol protocol) {
    this.cluster = cluster;
    this.port = port;
    this.protocol = protocol;
  }

  /** {@return the same assertion on another port} */
  public ReachabilityAssert on(int otherPort) {
    return new ReachabilityAssert(cluster, otherPort, protocol);
  }

  /** {@return the same assertion for another protocol (TCP by default)} */
  public ReachabilityAssert protocol(Protocol other) {
    return new ReachabilityAssert(cluster, port, other);
  }

  /**
   * Asserts the cluster's reachability among the table's pods equals the table: rows are the
   * sources, columns the destinations ({@code namespace/name}), {@code .} allowed, {@code X}
   * denied. {@return the actual table}
   */
  public Reachability matches(String table) {
    Reachability expected = Reachability.parse(port, protocol, table);
    Reachability actual = cluster.reachability(expected.from(), expected.to(), port, protocol);
    List<String> differences = actual.differences(expected);
    if (!differences.isEmpty()) {
      throw Failures.about(cluster, "reachability on " + port + "/" + protocol + " differs in "
          + differences.size() + " cells\n" + actual.diff(expected));
    }
    return actual;
  }
}
