package io.kubenetsim.core.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The snapshot's persistent structures behave as their mutable counterparts after any sequence
 * of changes, and never change a version already handed out (every earlier version is checked
 * again at the end).
 */
class PersistentStructuresProperties {

  /** A key whose hash is chosen, so that keys can collide in every bit and share trie paths. */
  record Key(int id, int hash) {
    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key k && k.id == id;
    }
  }

  record Op(boolean put, int id, int value) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    return Combinators.combine(Arbitraries.of(true, true, false),
        Arbitraries.integers().between(0, 300), Arbitraries.integers().between(1, 9))
        .as(Op::new).list().ofMaxSize(400);
  }

  /** Hashes from a handful of values (many full collisions) or spread wide (deep tries). */
  @Provide
  Arbitrary<Integer> hashMask() {
    return Arbitraries.of(0x3, 0x3 | 0x40000000, 0xfffff, -1);
  }

  @Property(tries = 200)
  void hashMapAgreesWithHashMap(@ForAll("ops") List<Op> ops,
      @ForAll("hashMask") int mask) {
    PersistentHashMap<Key, Integer> map = PersistentHashMap.empty();
    Map<Integer, Integer> reference = new HashMap<>();
    List<PersistentHashMap<Key, Integer>> versions = new ArrayList<>();
    List<Map<Integer, Integer>> expected = new ArrayList<>();
    for (Op op : ops) {
      Key key = new Key(op.id(), (op.id() * 0x9E3779B1) & mask);
      if (op.put()) {
        map = map.with(key, op.value());
        reference.put(op.id(), op.value());
      } else {
        map = map.without(key);
        reference.remove(op.id());
      }
      versions.add(map);
      expected.add(new HashMap<>(reference));
    }
    for (int v = 0; v < versions.size(); v++) {
      assertEquals(expected.get(v).size(), versions.get(v).size(), "size at version " + v);
      for (int id = 0; id <= 300; id++) {
        Key key = new Key(id, (id * 0x9E3779B1) & mask);
        assertEquals(expected.get(v).get(id), versions.get(v).get(key), "key " + id);
      }
    }
  }

  @Property(tries = 200)
  void sortedChunksAgreeWithTreeMap(@ForAll("ops") List<Op> ops) {
    Comparator<int[]> byId = Comparator.comparingInt(e -> e[0]);
    SortedChunks<int[]> chunks = SortedChunks.empty(byId);
    TreeMap<Integer, Integer> reference = new TreeMap<>();
    List<SortedChunks<int[]>> versions = new ArrayList<>();
    List<List<String>> expected = new ArrayList<>();
    for (Op op : ops) {
      if (op.put()) {
        chunks = chunks.with(new int[] {op.id(), op.value()});
        reference.put(op.id(), op.value());
      } else {
        chunks = chunks.without(new int[] {op.id(), 0});
        reference.remove(op.id());
      }
      versions.add(chunks);
      expected.add(reference.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .toList());
    }
    for (int v = 0; v < versions.size(); v++) {
      assertEquals(expected.get(v), text(versions.get(v)), "version " + v);
      assertEquals(expected.get(v).size(), versions.get(v).size());
    }
    List<int[]> all = reference.entrySet().stream()
        .map(e -> new int[] {e.getKey(), e.getValue()}).toList();
    assertEquals(text(chunks), text(SortedChunks.of(byId, all)), "bulk build");
  }

  @Property(tries = 50)
  void bulkBuildKeepsTheLastOfEquals(@ForAll("ops") List<Op> ops) {
    List<int[]> elements = ops.stream().map(op -> new int[] {op.id(), op.value()}).toList();
    TreeMap<Integer, Integer> reference = new TreeMap<>();
    elements.forEach(e -> reference.put(e[0], e[1]));
    SortedChunks<int[]> built = SortedChunks.of(Comparator.comparingInt(e -> e[0]), elements);
    assertEquals(reference.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .toList(), text(built));
  }

  private static List<String> text(SortedChunks<int[]> chunks) {
    return chunks.toList().stream().map(e -> e[0] + "=" + e[1]).toList();
  }
}
