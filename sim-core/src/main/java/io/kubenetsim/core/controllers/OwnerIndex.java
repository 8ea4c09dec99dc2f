package io.kubenetsim.core.controllers;

import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.OwnerReference;
import java.util.List;

/** The informer index from a controlling owner's uid to the objects it controls. */
public final class OwnerIndex {

  /** The index name. */
  public static final String NAME = "metadata.ownerReferences.controller.uid";

  private OwnerIndex() {}

  /** {@return the index keys of an object: its controller's uid, if it has one} */
  public static List<String> keys(KubernetesObject object) {
    for (OwnerReference owner : object.metadata().ownerReferences()) {
      if (owner.controller()) {
        return List.of(owner.uid());
      }
    }
    return List.of();
  }

  /** {@return a controller reference to this owner} */
  public static OwnerReference controllerRef(KubernetesObject owner) {
    return new OwnerReference(owner.apiVersion(), owner.kind(), owner.metadata().name(),
        owner.metadata().uid(), true);
  }
}
