package io.kubenetsim.core.store;

import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.NamespacedName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One kind's stored objects: in name order for lists, and by hash for the lookups that every
 * component and every connection makes. Both share one cell per object, so an update writes
 * the cell and re-sorts nothing.
 */
final class KindTable {
  private static final class Cell {
    KubernetesObject object;

    Cell(KubernetesObject object) {
      this.object = object;
    }
  }

  private final TreeMap<NamespacedName, Cell> ordered = new TreeMap<>();
  /** The same cells; looked up, never iterated. */
  private final Map<NamespacedName, Cell> byName = new HashMap<>();

  KubernetesObject get(NamespacedName key) {
    Cell cell = byName.get(key);
    return cell == null ? null : cell.object;
  }

  boolean containsKey(NamespacedName key) {
    return byName.containsKey(key);
  }

  void put(NamespacedName key, KubernetesObject object) {
    Cell cell = byName.get(key);
    if (cell != null) {
      cell.object = object;
      return;
    }
    cell = new Cell(object);
    byName.put(key, cell);
    ordered.put(key, cell);
  }

  /** {@return the removed object, or null when there was none} */
  KubernetesObject remove(NamespacedName key) {
    Cell cell = byName.remove(key);
    if (cell == null) {
      return null;
    }
    ordered.remove(key);
    return cell.object;
  }

  /** {@return every object, by namespace and name} */
  List<KubernetesObject> values() {
    return objects(ordered.values());
  }

  /** {@return the objects of one namespace, by name} */
  List<KubernetesObject> inNamespace(String namespace) {
    return objects(ordered.subMap(NamespacedName.of(namespace, ""), true,
        NamespacedName.of(namespace + "\0", ""), false).values());
  }

  private static List<KubernetesObject> objects(Collection<Cell> cells) {
    List<KubernetesObject> out = new ArrayList<>(cells.size());
    for (Cell cell : cells) {
      out.add(cell.object);
    }
    return out;
  }
}
