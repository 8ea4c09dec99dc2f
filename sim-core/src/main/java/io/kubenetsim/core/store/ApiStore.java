package io.kubenetsim.core.store;

import static com.google.common.base.Preconditions.checkArgument;

import io.kubenetsim.ApiException;
import io.kubenetsim.ApiException.Reason;
import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.manifest.InvalidObject;
import io.kubenetsim.manifest.ValidationException;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The simulated kube-apiserver and its storage: objects keyed by kind and namespace/name in
 * sorted maps, a global resourceVersion counter, server-set fields (uid, creationTimestamp,
 * generation, names from {@code generateName}), validation on every user write, and watchers
 * told of every change at once (informers add the lag).
 *
 * <p>Every write is recorded in the event log with the writer's reason. A rejected write
 * throws and changes nothing. Confined to the simulation thread.
 */
public final class ApiStore {
  /** Namespaces the API server refuses to delete. */
  public static final java.util.Set<String> SYSTEM_NAMESPACES =
      java.util.Set.of("default", "kube-system", "kube-public", "kube-node-lease");

  private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private final Simulator sim;
  private final StagedWrites writes;
  private final SeededRandom uids;
  private final java.util.Map<String, SeededRandom> namesByKind = new java.util.HashMap<>();
  /** Each kind's objects; looked up, never iterated. */
  private final java.util.Map<String, KindTable> tables = new java.util.HashMap<>();
  /** Each kind's label index; looked up, never iterated. */
  private final java.util.Map<String, LabelIndex> labelIndexes = new java.util.HashMap<>();
  private final List<Consumer<WatchEvent>> watchers = new ArrayList<>();
  private long resourceVersion;

  public ApiStore(Simulator sim, ObjectValidation validation) {
    this.sim = sim;
    this.writes = new StagedWrites(this, validation);
    this.uids = sim.random("apiserver/uid");

  }

  /** Registers a watcher that hears of every change synchronously, in write order. */
  public void watch(Consumer<WatchEvent> watcher) {
    watchers.add(watcher);
  }

  // ---- reads ----

  /** {@return the stored object} */
  public <T extends KubernetesObject> Optional<T> get(Class<T> type, NamespacedName key) {
    return Optional.ofNullable(table(Kinds.of(type)).get(key)).map(type::cast);
  }

  /** {@return the stored object a reference names} */
  public Optional<KubernetesObject> get(ObjectRef ref) {
    return Optional.ofNullable(table(ref.kind()).get(ref.key()));
  }

  /** {@return every object of a type, by namespace and name} */
  public <T extends KubernetesObject> List<T> list(Class<T> type) {
    List<T> out = new ArrayList<>();
    table(Kinds.of(type)).values().forEach(o -> out.add(type.cast(o)));
    return out;
  }

  /** {@return the objects of a type in one namespace, by name} */
  public <T extends KubernetesObject> List<T> list(Class<T> type, String namespace) {
    List<T> out = new ArrayList<>();
    table(Kinds.of(type)).inNamespace(namespace).forEach(o -> out.add(type.cast(o)));
    return out;
  }

  /**
   * {@return the objects of a type in one namespace that the selector matches, by name}: from
   * the label index when the selector has an equality requirement, else by a namespace scan
   */
  public <T extends KubernetesObject> List<T> list(Class<T> type, String namespace,
      LabelSelector selector) {
    String kind = Kinds.of(type);
    Optional<NavigableSet<NamespacedName>> candidates = labels(kind).candidates(namespace,
        selector);
    List<T> out = new ArrayList<>();
    if (candidates.isEmpty()) {
      for (T object : list(type, namespace)) {
        if (selector.matches(object.metadata().labels())) {
          out.add(object);
        }
      }
      return out;
    }
    KindTable table = table(kind);
    for (NamespacedName name : candidates.get()) {
      KubernetesObject object = table.get(name);
      if (selector.matches(object.metadata().labels())) {
        out.add(type.cast(object));
      }
    }
    return out;
  }

  /** {@return whether a namespace exists and is not being deleted} */
  public boolean namespaceActive(String namespace) {
    return get(Namespace.class, NamespacedName.of("", namespace))
        .map(ns -> ns.phase().equals("Active")).orElse(false);
  }

  // ---- user writes (validated) ----

  /** Installs the defaulting and allocation the API server does for one kind. */
  public void registerStrategy(String kind, WriteStrategy strategy) {
    writes.register(kind, strategy);
  }

  /**
   * Creates an object as a user does: defaulted, allocated, validated, then stored with the
   * server-owned metadata filled in.
   *
   * @throws ValidationException when invalid (nothing changes)
   * @throws ApiException NotFound for a missing namespace, AlreadyExists for a taken name
   */
  public <T extends KubernetesObject> T create(T object, String reason, String detail) {
    requireNamespace(object);
    if (!object.metadata().name().isEmpty() && get(object.ref()).isPresent()) {
      throw new ApiException(Reason.ALREADY_EXISTS, Kinds.resource(object.kind()) + " \""
          + object.metadata().name() + "\" already exists");
    }
    return commitOrThrow(object, writes.stage(object, Optional.empty()), reason, detail);
  }

  /**
   * Updates an object as a user does ({@code kubectl apply}): validated against the stored
   * one; the status and server-owned metadata are kept.
   *
   * @throws ValidationException when invalid (nothing changes)
   * @throws ApiException NotFound when there is nothing to update
   */
  public <T extends KubernetesObject> T update(T object, String reason, String detail) {
    KubernetesObject stored = get(object.ref()).orElseThrow(() -> notFound(object.ref()));
    return commitOrThrow(object, writes.stage(object, Optional.of(stored)), reason, detail);
  }

  private <T extends KubernetesObject> T commitOrThrow(T object, StagedWrites.Staged staged,
      String reason, String detail) {
    if (!staged.valid()) {
      throw invalid(object, staged.errors());
    }
    @SuppressWarnings("unchecked")
    T result = (T) writes.commit(staged, reason, detail);
    return result;
  }

  /** {@return the staged-write path, for all-or-nothing applies} */
  StagedWrites writes() {
    return writes;
  }

  /** Stores a new, validated object, filling uid, resourceVersion, creation time and name. */
  KubernetesObject insert(KubernetesObject object, String reason, String detail) {
    ObjectMeta meta = object.metadata();
    if (meta.name().isEmpty()) {
      meta = meta.withName(generateName(object.kind(), meta));
    }
    meta = stampNamespaceLabel(object, meta).withServerFields(newUid(), ++resourceVersion, 1,
        Optional.of(sim.clock().now()));
    KubernetesObject stored = object.withMetadata(meta);
    table(object.kind()).put(meta.key(), stored);
    labels(object.kind()).update(null, stored);
    sim.log().record(reason, stored.ref(), detail);
    notifyWatchers(new WatchEvent(WatchEvent.Type.ADDED, stored, Optional.empty()));
    return stored;
  }

  /** Replaces a stored object with a validated user update, keeping server-owned parts. */
  KubernetesObject replaceAsUser(KubernetesObject object, String reason, String detail) {
    KubernetesObject stored = get(object.ref()).orElseThrow(() -> notFound(object.ref()));
    KubernetesObject merged = ServerFields.keepStatus(stored, object);
    ObjectMeta old = stored.metadata();
    ObjectMeta meta = merged.metadata().withServerFields(old.uid(), old.resourceVersion(),
        old.generation(), old.creationTimestamp());
    merged = merged.withMetadata(stampNamespaceLabel(merged, keepServerMetadata(old, meta)));
    return merged.equals(stored) ? stored : write(stored, merged, reason, detail);
  }

  /**
   * Changes a stored object as a component does (a status update, a binding, a patch): no
   * user validation, and nothing happens when the change leaves the object equal.
   *
   * @return the object after the change, or empty when it no longer exists
   */
  public <T extends KubernetesObject> Optional<T> patch(
      Class<T> type, NamespacedName key, UnaryOperator<T> change, String reason, String detail) {
    Optional<T> stored = get(type, key);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    T changed = change.apply(stored.get());
    // The API server stamps kubernetes.io/metadata.name on every write, a component's included.
    changed = type.cast(changed.withMetadata(stampNamespaceLabel(changed, changed.metadata())));
    if (changed.equals(stored.get())) {
      return stored;
    }
    return Optional.of(type.cast(write(stored.get(), changed, reason, detail)));
  }

  /**
   * Deletes an object as {@code kubectl delete} does. Pods are deleted gracefully: they get a
   * {@code deletionTimestamp} and stay until their kubelet confirms; a zero grace period removes
   * them at once. Other kinds are removed at once; their dependents are left to the garbage
   * collector.
   *
   * @param gracePeriodSeconds empty for the pod's own {@code terminationGracePeriodSeconds}
   * @throws ApiException NotFound when it does not exist
   */
  public void delete(ObjectRef ref, Optional<Long> gracePeriodSeconds, String reason,
      String detail) {
    KubernetesObject stored = get(ref).orElseThrow(() -> notFound(ref));
    if (stored instanceof Namespace namespace) {
      beginNamespaceDeletion(namespace, reason, detail);
      return;
    }
    if (stored instanceof Pod pod) {
      long grace = gracePeriodSeconds.orElse(pod.spec().terminationGracePeriodSeconds());
      checkArgument(grace >= 0, "grace period must be zero or more, got %s", grace);
      // As upstream's pod strategy: unscheduled or finished pods have nothing to stop.
      if (grace > 0 && !pod.spec().nodeName().isEmpty() && !pod.status().phase().isTerminal()) {
        if (!pod.metadata().isTerminating()) {
          ObjectMeta meta = pod.metadata().withDeletion(
              sim.clock().now().plusSeconds(grace), grace);
          write(stored, pod.withMetadata(meta), reason, detail);
        }
        return;
      }
    }
    remove(ref, reason, detail);
  }

  private void beginNamespaceDeletion(Namespace namespace, String reason, String detail) {
    String name = namespace.metadata().name();
    if (SYSTEM_NAMESPACES.contains(name)) {
      throw new ApiException(Reason.FORBIDDEN, "namespaces \"" + name + "\" is forbidden: this "
          + "namespace may not be deleted");
    }
    if (!namespace.phase().equals("Terminating")) {
      write(namespace, new Namespace(namespace.metadata().withDeletion(sim.clock().now(), 0),
          "Terminating"), reason, detail);
    }
  }

  /** Removes an object for good (a kubelet confirming a pod's end, a force delete). */
  public void remove(ObjectRef ref, String reason, String detail) {
    KubernetesObject stored = table(ref.kind()).remove(ref.key());
    if (stored == null) {
      return;
    }
    labels(ref.kind()).update(stored, null);
    writes.strategy(ref.kind()).deleted(stored);
    resourceVersion++;
    sim.log().record(reason, ref, detail);
    notifyWatchers(new WatchEvent(WatchEvent.Type.DELETED, stored, Optional.of(stored)));
  }

  // ---- helpers ----

  private KubernetesObject write(KubernetesObject stored, KubernetesObject updated, String reason,
      String detail) {
    ObjectMeta meta = updated.metadata();
    long generation = meta.generation() + (ServerFields.specChanged(stored, updated) ? 1 : 0);
    meta = meta.withServerFields(meta.uid(), ++resourceVersion, generation,
        meta.creationTimestamp());
    KubernetesObject result = updated.withMetadata(meta);
    table(result.kind()).put(meta.key(), result);
    labels(result.kind()).update(stored, result);
    sim.log().record(reason, result.ref(), detail);
    notifyWatchers(new WatchEvent(WatchEvent.Type.MODIFIED, result, Optional.of(stored)));
    return result;
  }

  private static ObjectMeta keepServerMetadata(ObjectMeta old, ObjectMeta meta) {
    ObjectMeta kept = meta.withOwnerReferences(
        meta.ownerReferences().isEmpty() ? old.ownerReferences() : meta.ownerReferences());
    if (old.deletionTimestamp().isPresent()) {
      kept = kept.withDeletion(old.deletionTimestamp().get(),
          old.deletionGracePeriodSeconds().orElse(0L));
    }
    return kept;
  }

  /** The API server labels every Namespace with its own name (immutable, always present). */
  private static ObjectMeta stampNamespaceLabel(KubernetesObject object, ObjectMeta meta) {
    return object instanceof Namespace
        ? meta.withLabels(meta.labels().with(Namespace.NAME_LABEL, meta.name())) : meta;
  }

  private void notifyWatchers(WatchEvent event) {
    for (Consumer<WatchEvent> watcher : watchers) {
      watcher.accept(event);
    }
  }

  private void requireNamespace(KubernetesObject object) {
    String namespace = object.metadata().namespace();
    if (Kinds.isNamespaced(object.kind()) && !namespace.isEmpty() && !namespaceActive(namespace)) {
      boolean exists = get(Namespace.class, NamespacedName.of("", namespace)).isPresent();
      throw exists
          ? new ApiException(Reason.FORBIDDEN, Kinds.resource(object.kind()) + " \""
              + object.metadata().name() + "\" is forbidden: unable to create new content in "
              + "namespace " + namespace + " because it is being terminated")
          : new ApiException(Reason.NOT_FOUND, "namespaces \"" + namespace + "\" not found"
              + " (create the Namespace first)");
    }
  }

  private static ValidationException invalid(KubernetesObject object, List<FieldError> errors) {
    return ValidationException.of(InvalidObject.of(object.kind(), object.metadata().namespace(),
        object.metadata().name(), errors));
  }

  /**
   * {@return the NotFound error kube-apiserver gives for a missing object, in its words:
   * {@code pods "web" not found}} Upstream's {@code errors.NewNotFound} names the resource and
   * the name only, never the namespace, and kubectl prints it as it comes.
   */
  public static ApiException notFound(ObjectRef ref) {
    return new ApiException(Reason.NOT_FOUND, Kinds.resource(ref.kind()) + " \"" + ref.name()
        + "\" not found");
  }

  private LabelIndex labels(String kind) {
    return labelIndexes.computeIfAbsent(kind, k -> new LabelIndex());
  }

  private KindTable table(String kind) {
    return tables.computeIfAbsent(kind, k -> new KindTable());
  }

  private String generateName(String kind, ObjectMeta meta) {
    String prefix = meta.generateName().length() > 58
        ? meta.generateName().substring(0, 58) : meta.generateName();
    while (true) {
      StringBuilder name = new StringBuilder(prefix);
      for (int i = 0; i < 5; i++) {
        name.append(NAME_ALPHABET.charAt(names(kind).nextInt(NAME_ALPHABET.length())));
      }
      if (!table(kind).containsKey(NamespacedName.of(meta.namespace(), name.toString()))) {
        return name.toString();
      }
    }
  }

  /** One name stream per kind, so that a new kind of generated object shifts no other's names. */
  private SeededRandom names(String kind) {
    return namesByKind.computeIfAbsent(kind, k -> sim.random("apiserver/generate-name/" + k));
  }

  private String newUid() {
    long high = uids.nextLong();
    long low = uids.nextLong();
    // Version 4, variant 1, as a real UUID would be; from the seeded stream, not the machine.
    high = (high & 0xffffffffffff0fffL) | 0x0000000000004000L;
    low = (low & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new java.util.UUID(high, low).toString();
  }
}
