package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The {@code namespace/name} key of a namespaced object, as kubectl and client-go write it.
 *
 * <pre>{@code
 * NamespacedName.parse("shop/web");  // namespace "shop", name "web"
 * NamespacedName.parse("web");       // namespace "default", name "web"
 * }</pre>
 */
public record NamespacedName(String namespace, String name) implements Comparable<NamespacedName> {

  /** The namespace kubectl uses when none is given. */
  public static final String DEFAULT_NAMESPACE = "default";

  public NamespacedName {
    checkArgument(namespace != null, "namespace must not be null");
    checkArgument(name != null, "name must not be null");
  }

  /** {@return the key for this namespace and name} */
  public static NamespacedName of(String namespace, String name) {
    return new NamespacedName(namespace, name);
  }

  /**
   * Parses {@code namespace/name}, or a bare {@code name} in the {@code default} namespace.
   *
   * @throws IllegalArgumentException for more than one {@code /} or an empty part
   */
  public static NamespacedName parse(String text) {
    checkArgument(text != null && !text.isEmpty(), "expected namespace/name, got an empty string");
    int slash = text.indexOf('/');
    if (slash < 0) {
      return new NamespacedName(DEFAULT_NAMESPACE, text);
    }
    checkArgument(
        slash == text.lastIndexOf('/') && slash > 0 && slash < text.length() - 1,
        "expected namespace/name such as \"shop/web\", got \"%s\"",
        text);
    return new NamespacedName(text.substring(0, slash), text.substring(slash + 1));
  }

  @Override
  public int compareTo(NamespacedName other) {
    int byNamespace = namespace.compareTo(other.namespace);
    return byNamespace != 0 ? byNamespace : name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return namespace.isEmpty() ? name : namespace + "/" + name;
  }
}
