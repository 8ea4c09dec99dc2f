package io.kubenetsim;

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

  /** Opens a connection from this pod to a Service's ClusterIP on a port. */
  default Connection connect(ServiceHandle service, int port) {
    return connect(service.clusterIP(), port);
  }

  /** Opens a connection from this pod with any protocol. */
  Connection connect(String ip, int port, io.kubenetsim.net.Protocol protocol);

  /** Deletes the pod gracefully, with its own {@code terminationGracePeriodSeconds}. */
  void delete();

  /** Deletes the pod with this grace period; zero removes it from the API at once (--force). */
  void delete(Duration gracePeriod);

  /** Crashes the pod's containers once: kubelet restarts them in place (same pod, same IP). */
  void crash();

  /**
   * Makes the pod's containers crash every time they start (or stop doing so): the pod goes
   * into {@code CrashLoopBackOff} and the cluster never settles while it does.
   */
  void crashLoop(boolean crashing);
}
