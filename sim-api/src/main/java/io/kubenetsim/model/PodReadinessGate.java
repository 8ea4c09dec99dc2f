package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * One entry of {@code Pod.spec.readinessGates} ({@code v1.PodReadinessGate}): the type of a
 * pod condition that must be {@code True}, besides the containers being ready, for the pod to
 * be Ready. Some controller outside the kubelet (a load balancer controller, say) sets that
 * condition in {@code status.conditions}; until it does, the pod stays not Ready and out of its
 * Services' ready endpoints. See <a
 * href="https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-readiness-gate">Pod
 * readiness gates</a>.
 *
 * <p>The condition type is checked by the API server (a qualified name, as a label key), not
 * here, so that an invalid gate read from a manifest is reported with its field path.
 *
 * <pre>{@code
 * PodReadinessGate gate = PodReadinessGate.of("example.com/feature-1");
 * gate.toString();  // "example.com/feature-1"
 * }</pre>
 *
 * @param conditionType the pod condition type this gate waits for
 */
public record PodReadinessGate(String conditionType) {

  public PodReadinessGate {
    checkArgument(conditionType != null, "conditionType must not be null");
  }

  /** {@return a gate waiting for the condition of this type} */
  public static PodReadinessGate of(String conditionType) {
    return new PodReadinessGate(conditionType);
  }

  @Override
  public String toString() {
    return conditionType;
  }
}
