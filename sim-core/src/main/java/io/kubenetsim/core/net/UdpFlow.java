package io.kubenetsim.core.net;

import io.kubenetsim.Connection;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.Hop;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.PolicyCheck;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A UDP "connection" through a Service. Its conntrack entry pins datagrams to one backend, as
 * for TCP; but when that backend stops being a serving endpoint, kube-proxy deletes UDP entries
 * pointing at it after its next sync (TCP entries it leaves alone). Until that sync, datagrams
 * follow the stale entry and are lost; after it, the next datagram is balanced afresh.
 */
final class UdpFlow implements Connection {
  private final Connection first;
  private final BooleanSupplier flushed;
  private final Supplier<Connection> rebalanced;

  UdpFlow(Connection first, BooleanSupplier flushed, Supplier<Connection> rebalanced) {
    this.first = first;
    this.flushed = flushed;
    this.rebalanced = rebalanced;
  }

  @Override
  public ConnectionVerdict request() {
    ConnectionVerdict pinned = first.request();
    if (pinned == ConnectionVerdict.ESTABLISHED) {
      return pinned;
    }
    return flushed.getAsBoolean() ? rebalanced.get().verdict() : ConnectionVerdict.TIMED_OUT;
  }

  @Override
  public ConnectionVerdict verdict() {
    return first.verdict();
  }

  @Override
  public Optional<HostPort> backend() {
    return first.backend();
  }

  @Override
  public List<HostPort> candidates() {
    return first.candidates();
  }

  @Override
  public Optional<String> backendPod() {
    return first.backendPod();
  }

  @Override
  public boolean masqueraded() {
    return first.masqueraded();
  }

  @Override
  public IpAddress sourceSeenByBackend() {
    return first.sourceSeenByBackend();
  }

  @Override
  public List<PolicyCheck> policyChecks() {
    return first.policyChecks();
  }

  @Override
  public List<Hop> hops() {
    return first.hops();
  }

  @Override
  public String reason() {
    return first.reason();
  }

  @Override
  public String explain() {
    return first.explain();
  }

  @Override
  public void close() {
    first.close();
  }

  @Override
  public String toString() {
    return first.toString();
  }
}
