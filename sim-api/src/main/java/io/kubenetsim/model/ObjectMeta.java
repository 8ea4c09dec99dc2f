package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code metadata} of an API object. Strings the API leaves unset are {@code ""}; the server
 * fills {@code uid}, {@code resourceVersion}, {@code creationTimestamp} and {@code generation}.
 *
 * <p>Timestamps are virtual: they come from the simulation's clock, never the machine's.
 */
public record ObjectMeta(
    String name,
    String generateName,
    String namespace,
    String uid,
    long resourceVersion,
    long generation,
    Optional<Instant> creationTimestamp,
    Optional<Instant> deletionTimestamp,
    Optional<Long> deletionGracePeriodSeconds,
    Labels labels,
    ImmutableSortedMap<String, String> annotations,
    ImmutableList<OwnerReference> ownerReferences) {

  public ObjectMeta {
    checkArgument(name != null && generateName != null && namespace != null && uid != null,
        "metadata strings must not be null (use \"\" for unset)");
    checkArgument(creationTimestamp != null && deletionTimestamp != null
        && deletionGracePeriodSeconds != null, "metadata optionals must not be null");
    checkArgument(labels != null, "labels must not be null (use Labels.none())");
    annotations = ImmutableSortedMap.copyOf(annotations);
    ownerReferences = ImmutableList.copyOf(ownerReferences);
  }

  /** {@return metadata with only a namespace and name, as a user writes it} */
  public static ObjectMeta named(String namespace, String name) {
    return new ObjectMeta(name, "", namespace, "", 0, 0, Optional.empty(), Optional.empty(),
        Optional.empty(), Labels.none(), ImmutableSortedMap.of(), ImmutableList.of());
  }

  /** {@return metadata for a cluster-scoped object with this name} */
  public static ObjectMeta named(String name) {
    return named("", name);
  }

  /** {@return the namespace/name key} */
  public NamespacedName key() {
    return new NamespacedName(namespace, name);
  }

  /** {@return whether a graceful deletion has begun ({@code deletionTimestamp} is set)} */
  public boolean isTerminating() {
    return deletionTimestamp.isPresent();
  }

  /** {@return the owner reference marked as controller, if any} */
  public Optional<OwnerReference> controllerRef() {
    for (OwnerReference reference : ownerReferences) {
      if (reference.controller()) {
        return Optional.of(reference);
      }
    }
    return Optional.empty();
  }

  public ObjectMeta withName(String newName) {
    return new ObjectMeta(newName, generateName, namespace, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations,
        ownerReferences);
  }

  public ObjectMeta withGenerateName(String prefix) {
    return new ObjectMeta(name, prefix, namespace, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations,
        ownerReferences);
  }

  public ObjectMeta withNamespace(String newNamespace) {
    return new ObjectMeta(name, generateName, newNamespace, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations,
        ownerReferences);
  }

  public ObjectMeta withLabels(Labels newLabels) {
    return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, newLabels, annotations,
        ownerReferences);
  }

  public ObjectMeta withAnnotations(Map<String, String> newAnnotations) {
    return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels,
        ImmutableSortedMap.copyOf(newAnnotations), ownerReferences);
  }

  public ObjectMeta withOwnerReferences(java.util.List<OwnerReference> owners) {
    return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations,
        ImmutableList.copyOf(owners));
  }

  /** {@return a copy with the fields the server owns set: uid, version, generation, creation} */
  public ObjectMeta withServerFields(
      String newUid, long newResourceVersion, long newGeneration, Optional<Instant> created) {
    return new ObjectMeta(name, generateName, namespace, newUid, newResourceVersion,
        newGeneration, created, deletionTimestamp, deletionGracePeriodSeconds, labels,
        annotations, ownerReferences);
  }

  /** {@return a copy marked for graceful deletion at this time} */
  public ObjectMeta withDeletion(Instant timestamp, long gracePeriodSeconds) {
    return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation,
        creationTimestamp, Optional.of(timestamp), Optional.of(gracePeriodSeconds), labels,
        annotations, ownerReferences);
  }

  @Override
  public String toString() {
    return key().toString();
  }
}
