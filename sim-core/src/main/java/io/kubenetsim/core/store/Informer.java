package io.kubenetsim.core.store;

import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.NamespacedName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A lagging cache of one kind, as client-go's shared informer keeps: every store change reaches
 * the cache (and then the handlers) {@code lag} later, so components that read it act on a
 * view that may be stale, as in a real cluster. Many components share one informer, as
 * kube-controller-manager's controllers share one informer factory.
 *
 * <p>Indexes ({@link #addIndex}) answer "pods of this owner" or "pods on this node" without a
 * scan; their results are sorted by namespace/name.
 *
 * @param <T> the kind's model type
 */
public final class Informer<T extends KubernetesObject> {
  private final Class<T> type;
  private final String kind;
  private final TreeMap<NamespacedName, T> cache = new TreeMap<>();
  private final List<Consumer<WatchEvent>> handlers = new ArrayList<>();
  private final Map<String, Index<T>> indexes = new HashMap<>();

  Informer(Class<T> type, Simulator sim, ApiStore store, Duration lag) {
    this.type = type;
    this.kind = Kinds.of(type);
    store.watch(event -> {
      if (event.object().kind().equals(kind)) {
        sim.schedule(lag, () -> deliver(event));
      }
    });
  }

  /** Adds a handler called after the cache has taken each change, in registration order. */
  public void addHandler(Consumer<WatchEvent> handler) {
    handlers.add(handler);
  }

  /** Adds a named index: {@code keys} gives the index keys of an object. */
  public void addIndex(String name, Function<T, List<String>> keys) {
    Index<T> index = new Index<>(keys);
    cache.values().forEach(index::add);
    indexes.put(name, index);
  }

  /** Adds a named index unless one by that name exists (components sharing an informer). */
  public void ensureIndex(String name, Function<T, List<String>> keys) {
    if (!indexes.containsKey(name)) {
      addIndex(name, keys);
    }
  }

  /** {@return the cached object} */
  public Optional<T> get(NamespacedName key) {
    return Optional.ofNullable(cache.get(key));
  }

  /** {@return every cached object, by namespace and name} */
  public List<T> list() {
    return new ArrayList<>(cache.values());
  }

  /** {@return the cached objects of one namespace, by name} */
  public List<T> list(String namespace) {
    return new ArrayList<>(cache.subMap(NamespacedName.of(namespace, ""), true,
        NamespacedName.of(namespace + "\0", ""), false).values());
  }

  /** {@return the cached objects with this key in a named index, by namespace and name} */
  public List<T> byIndex(String indexName, String key) {
    Index<T> index = indexes.get(indexName);
    if (index == null) {
      throw new IllegalArgumentException("no index named " + indexName + " on " + kind);
    }
    return index.get(key);
  }

  private void deliver(WatchEvent event) {
    T object = type.cast(event.object());
    NamespacedName key = object.metadata().key();
    T previous = event.type() == WatchEvent.Type.DELETED ? cache.remove(key)
        : cache.put(key, object);
    for (Index<T> index : indexes.values()) {
      index.replace(previous, event.type() == WatchEvent.Type.DELETED ? null : object);
    }
    for (Consumer<WatchEvent> handler : handlers) {
      handler.accept(event);
    }
  }

  /** One index: key → objects, each bucket sorted by namespace/name. */
  private static final class Index<T extends KubernetesObject> {
    private final Function<T, List<String>> keys;
    private final Map<String, TreeMap<NamespacedName, T>> buckets = new HashMap<>();

    Index(Function<T, List<String>> keys) {
      this.keys = keys;
    }

    void add(T object) {
      for (String key : keys.apply(object)) {
        buckets.computeIfAbsent(key, k -> new TreeMap<>()).put(object.metadata().key(), object);
      }
    }

    /**
     * Moves one object from its old keys to its new ones (either may be null): an update that
     * keeps its keys, the common case, only replaces the object in its buckets.
     */
    void replace(T previous, T object) {
      List<String> after = object == null ? List.of() : keys.apply(object);
      if (previous != null) {
        NamespacedName name = previous.metadata().key();
        for (String key : keys.apply(previous)) {
          if (!after.contains(key)) {
            TreeMap<NamespacedName, T> bucket = buckets.get(key);
            bucket.remove(name);
            if (bucket.isEmpty()) {
              buckets.remove(key);
            }
          }
        }
      }
      for (String key : after) {
        buckets.computeIfAbsent(key, k -> new TreeMap<>()).put(object.metadata().key(), object);
      }
    }

    List<T> get(String key) {
      TreeMap<NamespacedName, T> bucket = buckets.get(key);
      return bucket == null ? List.of() : new ArrayList<>(bucket.values());
    }
  }
}
