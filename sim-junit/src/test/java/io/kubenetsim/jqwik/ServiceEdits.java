package io.kubenetsim.jqwik;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.Service;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Changes properties make to generated Services before building, so that one behaviour is
 * under test: session affinity on or off for every Service with a ClusterIP.
 */
final class ServiceEdits {
  private ServiceEdits() {}

  /** {@return the manifests with every Service passed through {@code edit}} */
  static ClusterManifests map(ClusterManifests m, UnaryOperator<Service> edit) {
    return new ClusterManifests(m.namespaces(), m.deployments(), m.clients(),
        ImmutableList.copyOf(m.services().stream().map(edit).toList()), m.policies());
  }

  /** {@return the manifests with no session affinity anywhere} */
  static ClusterManifests withoutAffinity(ClusterManifests m) {
    return map(m, s -> !ServiceKind.of(s).hasClusterIp() ? s : s.withSpec(s.spec().with(b -> {
      b.sessionAffinity = "None";
      b.sessionAffinityTimeoutSeconds = Optional.empty();
      return b;
    })));
  }

  /** {@return the manifests with {@code sessionAffinity: ClientIP} on every ClusterIP} */
  static ClusterManifests withClientIpAffinity(ClusterManifests m) {
    return map(m, s -> !ServiceKind.of(s).hasClusterIp() ? s : s.withSpec(s.spec().with(b -> {
      b.sessionAffinity = "ClientIP";
      if (b.sessionAffinityTimeoutSeconds.isEmpty()) {
        b.sessionAffinityTimeoutSeconds = Optional.of(10800);
      }
      return b;
    })));
  }
}
