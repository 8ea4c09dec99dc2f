package io.kubenetsim;

import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.ReplicaSet;
import java.util.List;

/**
 * A live reference to one Deployment. Not for implementation outside io.kubenetsim.
 */
public interface DeploymentHandle {

  /** {@return the Deployment's namespace and name} */
  ObjectRef ref();

  /** {@return whether the Deployment still exists} */
  boolean exists();

  /**
   * {@return the Deployment as the API holds it now}
   *
   * @throws ApiException (NotFound) once it is deleted
   */
  Deployment get();

  /** {@return the live pods the Deployment owns (through its ReplicaSets), by name} */
  List<PodHandle> pods();

  /** {@return the Deployment's ReplicaSets, by name} */
  List<ReplicaSet> replicaSets();

  /** Sets {@code spec.replicas}, as {@code kubectl scale} does. */
  void scale(int replicas);

  /** Rolls every pod, as {@code kubectl rollout restart} does (a template annotation changes). */
  void restart();

  /** Sets the image of every container, as {@code kubectl set image} does. */
  void setImage(String image);

  /** Deletes the Deployment; its ReplicaSets and pods are garbage-collected. */
  void delete();
}
