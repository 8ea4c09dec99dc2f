package io.kubenetsim.core.net;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.Connection;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.Hop;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A connection as the dataplane made it: the verdict of its first packet, the path, and — for
 * an established one — a conntrack entry that later requests follow to the same backend.
 */
final class SimConnection implements Connection {
  private final ConnectionVerdict verdict;
  private final Optional<String> backend;
  private final ImmutableList<String> candidates;
  private final Optional<String> backendPod;
  private final String sourceSeen;
  private final ImmutableList<Hop> hops;
  private final String reason;
  private final String packet;
  private final Supplier<ConnectionVerdict> stillThere;
  private final Runnable release;
  private boolean closed;

  SimConnection(ConnectionVerdict verdict, Optional<String> backend, List<String> candidates,
      Optional<String> backendPod,
      String sourceSeen, List<Hop> hops, String reason, String packet,
      Supplier<ConnectionVerdict> stillThere, Runnable release) {
    this.verdict = verdict;
    this.backend = backend;
    this.candidates = ImmutableList.copyOf(candidates);
    this.backendPod = backendPod;
    this.sourceSeen = sourceSeen;
    this.hops = ImmutableList.copyOf(hops);
    this.reason = reason;
    this.packet = packet;
    this.stillThere = stillThere;
    this.release = release;
  }

  @Override
  public ConnectionVerdict verdict() {
    return verdict;
  }

  @Override
  public Optional<String> backend() {
    return backend;
  }

  @Override
  public List<String> candidates() {
    return candidates;
  }

  @Override
  public Optional<String> backendPod() {
    return backendPod;
  }

  @Override
  public String sourceSeenByBackend() {
    return sourceSeen;
  }

  @Override
  public List<Hop> hops() {
    return hops;
  }

  @Override
  public String reason() {
    return reason;
  }

  @Override
  public String explain() {
    StringBuilder out = new StringBuilder(packet).append('\n');
    for (int i = 0; i < hops.size(); i++) {
      out.append("  ").append(i + 1).append(". ").append(hops.get(i)).append('\n');
    }
    out.append("  => ").append(verdict);
    backend.ifPresent(b -> out.append(" at ").append(b));
    backendPod.ifPresent(p -> out.append(" (pod ").append(p).append(')'));
    out.append(", source seen as ").append(sourceSeen).append('\n');
    return out.append("  ").append(reason).append('\n').toString();
  }

  @Override
  public ConnectionVerdict request() {
    if (verdict != ConnectionVerdict.ESTABLISHED) {
      throw new IllegalStateException("the connection was never established (" + verdict
          + ": " + reason + ")");
    }
    if (closed) {
      throw new IllegalStateException("the connection is closed; connect again");
    }
    return stillThere.get();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      release.run();
    }
  }

  @Override
  public String toString() {
    return verdict + backend.map(b -> " " + b).orElse("") + " (" + reason + ")";
  }
}
