package io.kubenetsim.core.proxy;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable hash map whose {@link #with} and {@link #without} return a new map sharing all
 * but one path with the old one: a hash array mapped trie (Bagwell's HAMT), 32 ways per level.
 * A change copies at most seven small arrays, whatever the size, so a kube-proxy sync that
 * changes one Service costs the same with ten Services or ten thousand.
 *
 * <p>No iteration: the snapshot keeps its order elsewhere ({@link SortedChunks}), so hash order
 * can never reach an output.
 *
 * @param <K> keys, with {@code equals} and {@code hashCode}
 * @param <V> values, never null
 */
final class PersistentHashMap<K, V> {
  private static final int BITS = 5;
  private static final PersistentHashMap<?, ?> EMPTY =
      new PersistentHashMap<>(new Branch(0, new Object[0]), 0);

  /** A key and its value with the key's hash, kept to avoid rehashing on the way down. */
  private record Leaf(Object key, Object value, int hash) {}

  /** Two or more keys whose hashes are equal in all 32 bits. */
  private record Collision(int hash, Leaf[] leaves) {}

  /** One level: a bitmap of the used 5-bit slots and their entries, in slot order. */
  private record Branch(int bitmap, Object[] slots) {}

  private final Branch root;
  private final int size;

  private PersistentHashMap(Branch root, int size) {
    this.root = root;
    this.size = size;
  }

  @SuppressWarnings("unchecked")
  static <K, V> PersistentHashMap<K, V> empty() {
    return (PersistentHashMap<K, V>) EMPTY;
  }

  int size() {
    return size;
  }

  /** {@return the value of {@code key}, or null} */
  @SuppressWarnings("unchecked")
  V get(K key) {
    int hash = hash(key);
    Object node = root;
    for (int shift = 0; ; shift += BITS) {
      if (node instanceof Branch branch) {
        int bit = bit(hash, shift);
        if ((branch.bitmap() & bit) == 0) {
          return null;
        }
        node = branch.slots()[index(branch.bitmap(), bit)];
      } else if (node instanceof Leaf leaf) {
        return leaf.hash() == hash && leaf.key().equals(key) ? (V) leaf.value() : null;
      } else {
        Collision collision = (Collision) node;
        for (Leaf leaf : collision.leaves()) {
          if (leaf.key().equals(key)) {
            return (V) leaf.value();
          }
        }
        return null;
      }
    }
  }

  /** {@return this map with {@code key} mapped to {@code value}} */
  PersistentHashMap<K, V> with(K key, V value) {
    Objects.requireNonNull(value);
    boolean[] added = new boolean[1];
    Branch next = (Branch) put(root, new Leaf(key, value, hash(key)), 0, added);
    return new PersistentHashMap<>(next, size + (added[0] ? 1 : 0));
  }

  /** {@return this map without {@code key}} (itself when absent) */
  PersistentHashMap<K, V> without(K key) {
    if (get(key) == null) {
      return this;
    }
    // At the root nothing is inlined, so the result is always a branch.
    return new PersistentHashMap<>((Branch) remove(root, key, hash(key), 0), size - 1);
  }

  private static Object put(Object node, Leaf leaf, int shift, boolean[] added) {
    if (node instanceof Branch branch) {
      int bit = bit(leaf.hash(), shift);
      int index = index(branch.bitmap(), bit);
      if ((branch.bitmap() & bit) == 0) {
        added[0] = true;
        Object[] slots = new Object[branch.slots().length + 1];
        System.arraycopy(branch.slots(), 0, slots, 0, index);
        slots[index] = leaf;
        System.arraycopy(branch.slots(), index, slots, index + 1, branch.slots().length - index);
        return new Branch(branch.bitmap() | bit, slots);
      }
      Object[] slots = branch.slots().clone();
      slots[index] = put(slots[index], leaf, shift + BITS, added);
      return new Branch(branch.bitmap(), slots);
    }
    if (node instanceof Leaf old) {
      if (old.hash() == leaf.hash() && old.key().equals(leaf.key())) {
        return leaf;
      }
      added[0] = true;
      return merge(old, old.hash(), leaf, shift);
    }
    Collision collision = (Collision) node;
    if (collision.hash() != leaf.hash()) {
      added[0] = true;
      return merge(collision, collision.hash(), leaf, shift);
    }
    Leaf[] leaves = collision.leaves();
    for (int i = 0; i < leaves.length; i++) {
      if (leaves[i].key().equals(leaf.key())) {
        Leaf[] replaced = leaves.clone();
        replaced[i] = leaf;
        return new Collision(collision.hash(), replaced);
      }
    }
    added[0] = true;
    Leaf[] grown = Arrays.copyOf(leaves, leaves.length + 1);
    grown[leaves.length] = leaf;
    return new Collision(collision.hash(), grown);
  }

  /** {@return a node holding {@code existing} (a leaf or collision) and a new leaf} */
  private static Object merge(Object existing, int existingHash, Leaf leaf, int shift) {
    if (existingHash == leaf.hash()) {
      Leaf[] leaves = existing instanceof Leaf old ? new Leaf[] {old, leaf}
          : grow(((Collision) existing).leaves(), leaf);
      return new Collision(existingHash, leaves);
    }
    int bitA = bit(existingHash, shift);
    int bitB = bit(leaf.hash(), shift);
    if (bitA == bitB) {
      return new Branch(bitA, new Object[] {merge(existing, existingHash, leaf, shift + BITS)});
    }
    return new Branch(bitA | bitB, Integer.compareUnsigned(bitA, bitB) < 0
        ? new Object[] {existing, leaf} : new Object[] {leaf, existing});
  }

  private static Leaf[] grow(Leaf[] leaves, Leaf leaf) {
    Leaf[] grown = Arrays.copyOf(leaves, leaves.length + 1);
    grown[leaves.length] = leaf;
    return grown;
  }

  /**
   * Removes a key known to be present. {@return the node without it: a branch, or a lone leaf
   * or collision that the parent inlines}, so no branch is left holding a single entry
   */
  private static Object remove(Object node, Object key, int hash, int shift) {
    if (node instanceof Collision collision) {
      Leaf[] leaves = Arrays.stream(collision.leaves()).filter(l -> !l.key().equals(key))
          .toArray(Leaf[]::new);
      return leaves.length == 1 ? leaves[0] : new Collision(hash, leaves);
    }
    Branch branch = (Branch) node;
    int bit = bit(hash, shift);
    int index = index(branch.bitmap(), bit);
    Object child = branch.slots()[index];
    Object replacement = child instanceof Leaf ? null : remove(child, key, hash, shift + BITS);
    if (replacement == null) {
      if (branch.slots().length == 2 && shift > 0 && !(branch.slots()[1 - index]
          instanceof Branch)) {
        return branch.slots()[1 - index];
      }
      Object[] slots = new Object[branch.slots().length - 1];
      System.arraycopy(branch.slots(), 0, slots, 0, index);
      System.arraycopy(branch.slots(), index + 1, slots, index, slots.length - index);
      return new Branch(branch.bitmap() & ~bit, slots);
    }
    if (branch.slots().length == 1 && shift > 0 && !(replacement instanceof Branch)) {
      return replacement;
    }
    Object[] slots = branch.slots().clone();
    slots[index] = replacement;
    return new Branch(branch.bitmap(), slots);
  }

  private static int hash(Object key) {
    int h = key.hashCode();
    return h ^ (h >>> 16);
  }

  private static int bit(int hash, int shift) {
    return 1 << ((hash >>> shift) & 31);
  }

  private static int index(int bitmap, int bit) {
    return Integer.bitCount(bitmap & (bit - 1));
  }
}
