package io.kubenetsim.core.net;

import io.kubenetsim.Connection;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.Hop;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.PolicyCheck;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A connection as the dataplane made it: the verdict of its first packet, the path, and — for
 * an established one — a conntrack entry that later requests follow to the same backend.
 */
final class SimConnection implements Connection {
  private final Attempt attempt;
  private final Supplier<ConnectionVerdict> stillThere;
  private boolean closed;

  /**
   * @param stillThere what a request on the open connection finds now (its conntrack entry
   *     still leads to {@code attempt.backend()})
   */
  SimConnection(Attempt attempt, Supplier<ConnectionVerdict> stillThere) {
    this.attempt = attempt;
    this.stillThere = stillThere;
  }

  /** {@return a connection that never got anywhere, and never will} */
  static SimConnection failed(Attempt attempt) {
    return new SimConnection(attempt, attempt::verdict);
  }

  @Override
  public ConnectionVerdict verdict() {
    return attempt.verdict();
  }

  @Override
  public Optional<HostPort> backend() {
    return attempt.backend();
  }

  @Override
  public List<HostPort> candidates() {
    return attempt.candidates();
  }

  @Override
  public Optional<String> backendPod() {
    return attempt.backendPod();
  }

  @Override
  public boolean masqueraded() {
    return attempt.masqueraded();
  }

  @Override
  public IpAddress sourceSeenByBackend() {
    return attempt.sourceSeen();
  }

  @Override
  public List<PolicyCheck> policyChecks() {
    return attempt.policyChecks();
  }

  @Override
  public List<Hop> hops() {
    return attempt.hops();
  }

  @Override
  public String reason() {
    return attempt.reason();
  }

  @Override
  public String explain() {
    return attempt.explain();
  }

  @Override
  public ConnectionVerdict request() {
    if (attempt.verdict() != ConnectionVerdict.ESTABLISHED) {
      throw new IllegalStateException("the connection was never established ("
          + attempt.verdict() + ": " + attempt.reason() + ")");
    }
    if (closed) {
      throw new IllegalStateException("the connection is closed; connect again");
    }
    return stillThere.get();
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return attempt.verdict() + attempt.backend().map(b -> " " + b).orElse("") + " ("
        + attempt.reason() + ")";
  }
}
