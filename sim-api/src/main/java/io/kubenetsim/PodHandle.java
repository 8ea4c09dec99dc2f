package io.kubenetsim;

import io.kubenetsim.model.ConditionStatus;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodPhase;
import java.time.Duration;
import java.util.Optional;

/**
 * A live reference to one pod in a cluster. Getters read the pod's current state (no time
 * passes); actions write to the API or to the simulated node and return at once, their effects
 * unfolding as the cluster runs. Not for implementation outside io.kubenetsim.
 */
public interface PodHandle {

  /** {@return the pod's namespace and name} */
  ObjectRef ref();

  /** {@return the pod's name} */
  default String name() {
    return ref().name();
  }

  /** {@return whether the pod still exists in the API} */
  boolean exists();

  /**
   * {@return the pod as the API holds it now}
   *
   * @throws ApiException (NotFound) once the pod is gone; check {@link #exists()}
   */
  Pod get();

  /** {@return the pod IP, once the sandbox has one} */
  default Optional<String> ip() {
    return get().ip();
  }

  /** {@return the node the pod is bound to, once scheduled} */
  default Optional<String> node() {
    String node = get().spec().nodeName();
    return node.isEmpty() ? Optional.empty() : Optional.of(node);
  }

  /** {@return the pod's phase} */
  default PodPhase phase() {
    return get().status().phase();
  }

  /** {@return whether the pod is Ready} */
  default boolean isReady() {
    return get().isReady();
  }

  /** {@return the sum of the containers' restart counts} */
  default int restartCount() {
    return get().status().restartCount();
  }

  /** Opens a TCP connection from this pod to an address (a pod IP, a ClusterIP, …). */
  default Connection connect(String ip, int port) {
    return connect(ip, port, io.kubenetsim.net.Protocol.TCP);
  }

  /**
   * Opens a connection from this pod to a Service's ClusterIP on a port: its IPv4 one, the
   * family pods have, when it has one (a dual-stack Service may list it second), else {@code
   * clusterIP}.
   */
  default Connection connect(ServiceHandle service, int port) {
    return connect(service.clusterIP(io.kubenetsim.net.IpFamily.IPV4)
        .orElse(service.clusterIP()), port);
  }

  /** Opens a connection from this pod with any protocol. */
  Connection connect(String ip, int port, io.kubenetsim.net.Protocol protocol);

  /** Deletes the pod gracefully, with its own {@code terminationGracePeriodSeconds}. */
  void delete();

  /** Deletes the pod with this grace period; zero removes it from the API at once (--force). */
  void delete(Duration gracePeriod);

  /**
   * Sets a condition in the pod's {@code status.conditions}, as a controller outside the kubelet
   * does through the pods' {@code status} subresource (a load balancer controller marking the
   * pod's readiness gate, say). The condition is added, or its status changed (its
   * {@code lastTransitionTime} moves only when the status changes); other conditions stay. The
   * write is recorded in the event log and watched like any status write: if the pod has a
   * readiness gate of this type, its kubelet sees the change and sets {@code Ready} again, and
   * the pod's Service endpoints follow.
   *
   * <pre>{@code
   * PodHandle pod = c.pod("shop/web").readinessGate("example.com/lb-ready").create();
   * c.settle();                                      // running, containers ready, not Ready
   * pod.setCondition("example.com/lb-ready", ConditionStatus.TRUE);
   * c.settle();                                      // Ready, a ready endpoint
   * }</pre>
   *
   * <p>Simplification: the conditions the kubelet owns ({@code PodScheduled}, {@code
   * Initialized}, {@code ContainersReady}, {@code Ready}, {@code PodReadyToStartContainers};
   * upstream's {@code PodConditionsByKubelet}) are refused, since the kubelet would overwrite
   * them on its next sync; reason and message are left empty.
   *
   * @param conditionType a qualified name, such as {@code example.com/feature-1}
   * @throws io.kubenetsim.manifest.ValidationException when {@code conditionType} is not a
   *     qualified name ({@code status.conditions[i].type}); nothing changes
   * @throws IllegalArgumentException for a condition the kubelet owns
   * @throws ApiException (NotFound) once the pod is gone
   */
  void setCondition(String conditionType, ConditionStatus status);

  /** Sets a condition to True or False: {@link #setCondition(String, ConditionStatus)}. */
  default void setCondition(String conditionType, boolean status) {
    setCondition(conditionType, ConditionStatus.of(status));
  }

  /** Crashes the pod's containers once: kubelet restarts them in place (same pod, same IP). */
  void crash();

  /**
   * Makes the pod's containers crash every time they start (or stop doing so): the pod goes
   * into {@code CrashLoopBackOff} and the cluster never settles while it does.
   */
  void crashLoop(boolean crashing);
}
