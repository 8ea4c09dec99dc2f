package io.kubenetsim.core;

import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.ObjectRef;

/**
 * What every live handle shares: a reference, read through to the store on every call, equal
 * to another handle for the same object, printed as the object is now.
 */
abstract class LiveObject<T extends KubernetesObject> {
  final ControlPlane plane;
  final ObjectRef ref;
  private final Class<T> type;

  LiveObject(ControlPlane plane, ObjectRef ref, Class<T> type) {
    this.plane = plane;
    this.ref = ref;
    this.type = type;
  }

  public ObjectRef ref() {
    return ref;
  }

  public boolean exists() {
    return plane.store.get(ref).isPresent();
  }

  public T get() {
    return type.cast(plane.store.get(ref).orElseThrow(() -> ApiStore.notFound(ref)));
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
