package io.kubenetsim.core;

import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.ObjectRef;

/**
 * What every live handle shares: a reference, read through to the store on every call, equal
 * to another handle for the same object, printed as the object is now.
 */
abstract class LiveObject<T extends KubernetesObject> {
  final ControlPlane plane;
  final ObjectRef ref;
  private final Class<T> type;
  /** {@code ref.key()}, made once: handles are read on every connection a test makes. */
  private final NamespacedName key;

  LiveObject(ControlPlane plane, ObjectRef ref, Class<T> type) {
    this.plane = plane;
    this.ref = ref;
    this.type = type;
    this.key = ref.key();
  }

  public ObjectRef ref() {
    return ref;
  }

  public boolean exists() {
    return plane.store.get(type, key).isPresent();
  }

  public T get() {
    return plane.store.get(type, key).orElseThrow(() -> ApiStore.notFound(ref));
  }

  @Override
  public boolean equals(Object other) {
    return other != null && other.getClass() == getClass() && ((LiveObject<?>) other).ref
        .equals(ref);
  }

  @Override
  public int hashCode() {
    return ref.hashCode();
  }

  @Override
  public String toString() {
    return plane.store.get(ref).map(Object::toString)
        .orElse(ref + " (" + (ref.namespace().isEmpty() ? "removed" : "deleted") + ")");
  }
}
