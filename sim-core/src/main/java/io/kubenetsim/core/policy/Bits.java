package io.kubenetsim.core.policy;

/** Bit sets as {@code long[]} words, for the reachability table's rows and columns. */
final class Bits {
  private Bits() {}

  static int words(int bits) {
    return (bits + 63) >>> 6;
  }

  static boolean get(long[] bits, int i) {
    return (bits[i >>> 6] & (1L << i)) != 0;
  }

  static void set(long[] bits, int i) {
    bits[i >>> 6] |= 1L << i;
  }

  static long[] or(long[] into, long[] bits) {
    for (int i = 0; i < into.length; i++) {
      into[i] |= bits[i];
    }
    return into;
  }

  static void orAnd(long[] into, long[] a, long[] b) {
    for (int i = 0; i < into.length; i++) {
      into[i] |= a[i] & b[i];
    }
  }
}
