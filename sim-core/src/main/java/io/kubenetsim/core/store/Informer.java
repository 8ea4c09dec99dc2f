package io.kubenetsim.core.store;

import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.NamespacedName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
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
  /**
   * Each cached object sits in a {@link Cached} cell that the name order, the name lookup and
   * every index bucket share, so an update that keeps an object's index keys writes one cell
   * and re-sorts nothing.
   */
  private final TreeMap<NamespacedName, Cached<T>> byName = new TreeMap<>();
  /** The same cells for lookups by name; never iterated. */
  private final Map<NamespacedName, Cached<T>> cells = new HashMap<>();
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

  /**
   * Adds a named index: {@code keys} gives the index keys of an object, values with {@code
   * equals} and {@code hashCode} (a record, or a string).
   */
  public void addIndex(String name, Function<T, ? extends List<?>> keys) {
    Index<T> index = new Index<>(keys);
    byName.values().forEach(index::add);
    indexes.put(name, index);
  }

  /** Adds a named index unless one by that name exists (components sharing an informer). */
  public void ensureIndex(String name, Function<T, ? extends List<?>> keys) {
    if (!indexes.containsKey(name)) {
      addIndex(name, keys);
    }
  }

  /** {@return the cached object} */
  public Optional<T> get(NamespacedName key) {
    Cached<T> cell = cells.get(key);
    return cell == null ? Optional.empty() : Optional.of(cell.object);
  }

  /** {@return every cached object, by namespace and name} */
  public List<T> list() {
    return Cached.objects(byName.values());
  }

  /** {@return the cached objects of one namespace, by name} */
  public List<T> list(String namespace) {
    return Cached.objects(byName.subMap(NamespacedName.of(namespace, ""), true,
        NamespacedName.of(namespace + "\0", ""), false).values());
  }

  /** {@return the cached objects with this key in a named index, by namespace and name} */
  public List<T> byIndex(String indexName, Object key) {
    Index<T> index = indexes.get(indexName);
    if (index == null) {
      throw new IllegalArgumentException("no index named " + indexName + " on " + kind);
    }
    return index.get(key);
  }

  private void deliver(WatchEvent event) {
    T object = type.cast(event.object());
    NamespacedName key = object.metadata().key();
    Cached<T> cell = cells.get(key);
    if (event.type() == WatchEvent.Type.DELETED) {
      if (cell != null) {
        cells.remove(key);
        byName.remove(key);
        for (Index<T> index : indexes.values()) {
          index.remove(cell);
        }
      }
    } else if (cell == null) {
      cell = new Cached<>(key, object);
      cells.put(key, cell);
      byName.put(key, cell);
      for (Index<T> index : indexes.values()) {
        index.add(cell);
      }
    } else {
      T previous = cell.object;
      cell.object = object;
      for (Index<T> index : indexes.values()) {
        index.move(cell, previous);
      }
    }
    for (Consumer<WatchEvent> handler : handlers) {
      handler.accept(event);
    }
  }

  /** One object's place in the cache: its name and its latest version. */
  private static final class Cached<T> {
    final NamespacedName name;
    T object;

    Cached(NamespacedName name, T object) {
      this.name = name;
      this.object = object;
    }

    static <T> List<T> objects(Collection<Cached<T>> cells) {
      List<T> out = new ArrayList<>(cells.size());
      for (Cached<T> cell : cells) {
        out.add(cell.object);
      }
      return out;
    }
  }

  /** One index: key → cells, each bucket sorted by namespace/name. */
  private static final class Index<T extends KubernetesObject> {
    private final Function<T, ? extends List<?>> keys;
    private final Map<Object, TreeMap<NamespacedName, Cached<T>>> buckets = new HashMap<>();

    Index(Function<T, ? extends List<?>> keys) {
      this.keys = keys;
    }

    void add(Cached<T> cell) {
      for (Object key : keys.apply(cell.object)) {
        buckets.computeIfAbsent(key, k -> new TreeMap<>()).put(cell.name, cell);
      }
    }

    void remove(Cached<T> cell) {
      for (Object key : keys.apply(cell.object)) {
        removeFrom(key, cell);
      }
    }

    /** Moves a cell whose object changed from {@code previous}: only keys that differ move. */
    void move(Cached<T> cell, T previous) {
      List<?> before = keys.apply(previous);
      List<?> after = keys.apply(cell.object);
      if (before.equals(after)) {
        return;
      }
      for (Object key : before) {
        if (!after.contains(key)) {
          removeFrom(key, cell);
        }
      }
      for (Object key : after) {
        if (!before.contains(key)) {
          buckets.computeIfAbsent(key, k -> new TreeMap<>()).put(cell.name, cell);
        }
      }
    }

    private void removeFrom(Object key, Cached<T> cell) {
      TreeMap<NamespacedName, Cached<T>> bucket = buckets.get(key);
      bucket.remove(cell.name);
      if (bucket.isEmpty()) {
        buckets.remove(key);
      }
    }

    List<T> get(Object key) {
      TreeMap<NamespacedName, Cached<T>> bucket = buckets.get(key);
      return bucket == null ? List.of() : Cached.objects(bucket.values());
    }
  }
}
