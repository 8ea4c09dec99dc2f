package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Comparator;

/**
 * Names one API object: its kind, namespace ({@code ""} for cluster-scoped kinds) and name.
 *
 * <p>{@code toString()} prints {@code Pod shop/web-5d9c8-x2kqz} or {@code Node node-1}.
 */
public record ObjectRef(String kind, String namespace, String name) implements Comparable<ObjectRef> {

  private static final Comparator<ObjectRef> ORDER =
      Comparator.comparing(ObjectRef::kind)
          .thenComparing(ObjectRef::namespace)
          .thenComparing(ObjectRef::name);

  public ObjectRef {
    checkArgument(kind != null && !kind.isEmpty(), "kind must not be empty");
    checkArgument(namespace != null, "namespace must not be null (use \"\" for cluster-scoped)");
    checkArgument(name != null, "name must not be null");
  }

  /** {@return a reference to a cluster-scoped object} */
  public static ObjectRef clusterScoped(String kind, String name) {
    return new ObjectRef(kind, "", name);
  }

  /** {@return a reference to a namespaced object} */
  public static ObjectRef namespaced(String kind, NamespacedName key) {
    return new ObjectRef(kind, key.namespace(), key.name());
  }

  /** {@return the namespace/name key} */
  public NamespacedName key() {
    return new NamespacedName(namespace, name);
  }

  @Override
  public int compareTo(ObjectRef other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return kind + " " + key();
  }
}
