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
    return object.metadata().controllerRef().map(OwnerReference::uid).stream().toList();
  }

  /** {@return a controller reference to this owner} */
  public static OwnerReference controllerRef(KubernetesObject owner) {
    return new OwnerReference(owner.apiVersion(), owner.kind(), owner.metadata().name(),
        owner.metadata().uid(), true);
  }
}
