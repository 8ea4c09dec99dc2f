package io.kubenetsim.core.store.validation;

import io.kubenetsim.core.store.ObjectValidation;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.ReplicaSet;
import java.util.List;

/**
 * The store's one entry point to validation: picks the kind's rules, as kube-apiserver's
 * registry picks a strategy's {@code Validate} / {@code ValidateUpdate}.
 *
 * <p>Call it after defaulting and, for updates, after copying the server-owned metadata
 * ({@code resourceVersion}, {@code generation}, timestamps) from the stored object, as
 * upstream's {@code rest.BeforeCreate} / {@code BeforeUpdate} do. The result lists every problem
 * in upstream's order; an empty list means valid. Stateless, so one instance can be shared.
 *
 * <pre>{@code
 * List<FieldError> errors = new ObjectValidator().validateCreate(pod);
 * if (!errors.isEmpty()) { ... reject with a 422-style ValidationException ... }
 * }</pre>
 *
 * <p>Kinds without rules yet (Service, EndpointSlice, NetworkPolicy…) are refused with an
 * {@link IllegalArgumentException}: add a branch here when their rules land.
 */
public final class ObjectValidator implements ObjectValidation {

  /** {@return every problem with an object being created} */
  @Override
  public List<FieldError> validateCreate(KubernetesObject object) {
    if (object instanceof Pod pod) {
      return PodValidation.validateCreate(pod);
    } else if (object instanceof Namespace namespace) {
      return NamespaceValidation.validateCreate(namespace);
    } else if (object instanceof Node node) {
      return NodeValidation.validateCreate(node);
    } else if (object instanceof Deployment deployment) {
      return DeploymentValidation.validateCreate(deployment);
    } else if (object instanceof ReplicaSet replicaSet) {
      return ReplicaSetValidation.validateCreate(replicaSet);
    }
    throw unknownKind(object);
  }

  /**
   * {@return every problem with replacing {@code old} by {@code updated}}
   *
   * @throws IllegalArgumentException when the two objects are of different kinds (an update
   *     never changes the kind; look the stored object up by kind as well as name)
   */
  @Override
  public List<FieldError> validateUpdate(KubernetesObject old, KubernetesObject updated) {
    if (old.getClass() != updated.getClass()) {
      throw new IllegalArgumentException("cannot validate an update from " + old.kind() + " "
          + old.metadata().key() + " to " + updated.kind() + " " + updated.metadata().key()
          + ": an update must keep the kind");
    }
    if (updated instanceof Pod pod) {
      return PodValidation.validateUpdate((Pod) old, pod);
    } else if (updated instanceof Namespace namespace) {
      return NamespaceValidation.validateUpdate((Namespace) old, namespace);
    } else if (updated instanceof Node node) {
      return NodeValidation.validateUpdate((Node) old, node);
    } else if (updated instanceof Deployment deployment) {
      return DeploymentValidation.validateUpdate((Deployment) old, deployment);
    } else if (updated instanceof ReplicaSet replicaSet) {
      return ReplicaSetValidation.validateUpdate((ReplicaSet) old, replicaSet);
    }
    throw unknownKind(updated);
  }

  private static IllegalArgumentException unknownKind(KubernetesObject object) {
    return new IllegalArgumentException("no validation rules for kind " + object.kind() + " ("
        + object.getClass().getName() + "); known kinds are Pod, Namespace, Node, Deployment and"
        + " ReplicaSet. Add a branch to ObjectValidator when the kind's rules exist.");
  }
}
