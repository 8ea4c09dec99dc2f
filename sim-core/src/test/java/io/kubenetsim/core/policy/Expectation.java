package io.kubenetsim.core.policy;

import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.Reachability;
import java.util.List;

/**
 * An expected truth table, built as upstream's e2e tests build theirs ({@code
 * test/e2e/network/netpol/reachability.go}): start from every cell allowed ({@code
 * NewReachability(pods, true)}), then {@code ExpectPeer}, {@code ExpectAllIngress}, {@code
 * ExpectAllEgress} and {@code Expect} overwrite cells in the order called.
 *
 * <p>{@link #build()} then allows every pod to reach itself: the NetworkPolicy page says "a pod
 * cannot block access to itself" (upstream's suite ignores those cells, {@code ignoreLoopback};
 * we assert them).
 */
final class Expectation {
  private final List<String> pods;
  private final Reachability.Builder builder;

  private Expectation(List<String> pods, int port, Protocol protocol) {
    this.pods = pods;
    this.builder = Reachability.expect(pods, pods, port, protocol, true);
  }

  /** {@return a table over pods × pods with every cell allowed} */
  static Expectation allAllowed(List<String> pods, int port, Protocol protocol) {
    return new Expectation(pods, port, protocol);
  }

  /** Sets every cell from a pod matching {@code from} to a pod matching {@code to}. */
  Expectation expectPeer(Peer from, Peer to, boolean allowed) {
    for (String source : pods) {
      for (String destination : pods) {
        if (from.matches(source) && to.matches(destination)) {
          builder.set(source, destination, allowed);
        }
      }
    }
    return this;
  }

  /** Sets every cell into {@code pod} (its column). */
  Expectation expectAllIngress(String pod, boolean allowed) {
    builder.setTo(pod, allowed);
    return this;
  }

  /** Sets every cell out of {@code pod} (its row). */
  Expectation expectAllEgress(String pod, boolean allowed) {
    builder.setFrom(pod, allowed);
    return this;
  }

  /** Sets one cell. */
  Expectation expect(String from, String to, boolean allowed) {
    builder.set(from, to, allowed);
    return this;
  }

  /** {@return the table, with every pod allowed to reach itself} */
  Reachability build() {
    return builder.allowSelf().build();
  }

  /**
   * Upstream's {@code Peer}: a namespace and a pod name, either absent meaning any.
   *
   * @param namespace {@code ""} for any namespace
   * @param pod {@code ""} for any pod name
   */
  record Peer(String namespace, String pod) {

    /** {@return every pod} */
    static Peer any() {
      return new Peer("", "");
    }

    /** {@return every pod of a namespace} */
    static Peer namespace(String namespace) {
      return new Peer(namespace, "");
    }

    /** {@return one pod, {@code namespace/name}} */
    static Peer pod(String namespacedName) {
      int slash = namespacedName.indexOf('/');
      return new Peer(namespacedName.substring(0, slash), namespacedName.substring(slash + 1));
    }

    boolean matches(String namespacedName) {
      int slash = namespacedName.indexOf('/');
      return (namespace.isEmpty() || namespace.equals(namespacedName.substring(0, slash)))
          && (pod.isEmpty() || pod.equals(namespacedName.substring(slash + 1)));
    }
  }
}
