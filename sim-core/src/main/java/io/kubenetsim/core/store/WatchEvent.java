package io.kubenetsim.core.store;

import io.kubenetsim.model.KubernetesObject;
import java.util.Optional;

/**
 * One change in the store, as a watch delivers it: the type, the object after the change (for
 * DELETED, its last state) and the object before it (absent for ADDED).
 */
public record WatchEvent(Type type, KubernetesObject object, Optional<KubernetesObject> old) {

  /** What happened, as the watch API names it. */
  public enum Type {
    ADDED,
    MODIFIED,
    DELETED
  }
}
