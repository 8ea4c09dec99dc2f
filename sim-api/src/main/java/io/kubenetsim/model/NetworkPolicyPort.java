package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import io.kubenetsim.net.Protocol;
import java.util.Optional;

/**
 * A port of a NetworkPolicy rule: a protocol (TCP when unset), and a port — a number, a
 * container port's name (resolved against the destination pod), or absent for every port of the
 * protocol — optionally extended to the inclusive range {@code port..endPort}.
 */
public record NetworkPolicyPort(Protocol protocol, Optional<IntOrString> port,
    Optional<Integer> endPort) {

  public NetworkPolicyPort {
    checkArgument(protocol != null && port != null && endPort != null,
        "port parts must not be null (use Optional.empty())");
  }

  /** {@return a numeric port} */
  public static NetworkPolicyPort of(Protocol protocol, int port) {
    return new NetworkPolicyPort(protocol, Optional.of(IntOrString.of(port)), Optional.empty());
  }

  /** {@return a named port} */
  public static NetworkPolicyPort named(Protocol protocol, String name) {
    return new NetworkPolicyPort(protocol, Optional.of(IntOrString.of(name)), Optional.empty());
  }

  /** {@return the inclusive range {@code port..endPort}} */
  public static NetworkPolicyPort range(Protocol protocol, int port, int endPort) {
    return new NetworkPolicyPort(protocol, Optional.of(IntOrString.of(port)),
        Optional.of(endPort));
  }

  /** {@return every port of the protocol} */
  public static NetworkPolicyPort allPorts(Protocol protocol) {
    return new NetworkPolicyPort(protocol, Optional.empty(), Optional.empty());
  }
}
