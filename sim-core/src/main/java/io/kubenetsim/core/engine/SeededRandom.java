package io.kubenetsim.core.engine;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.charset.StandardCharsets;

/**
 * A small SplitMix64 generator that we own, so outputs never shift when the JDK changes its
 * algorithms. Each subsystem takes a named child stream ({@link #child(String)}); deriving by
 * name rather than by draw order means adding a consumer does not reshuffle the others.
 *
 * <p>Not thread-safe: confined to the simulation thread, like everything in the engine.
 */
public final class SeededRandom {

  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private final long seed;
  private long state;

  public SeededRandom(long seed) {
    this.seed = seed;
    this.state = seed;
  }

  /** {@return the seed this stream started from} */
  public long seed() {
    return seed;
  }

  /** {@return an independent stream derived from this stream's seed and a name} */
  public SeededRandom child(String name) {
    return new SeededRandom(mix(seed ^ mix(fnv1a(name))));
  }

  /** {@return the next 64 random bits} */
  public long nextLong() {
    state += GOLDEN_GAMMA;
    return mix(state);
  }

  /** {@return a uniform integer in {@code [0, bound)}, without modulo bias} */
  public int nextInt(int bound) {
    checkArgument(bound > 0, "bound must be positive, got %s", bound);
    // Lemire's multiply-and-reject: unbiased and usually one draw.
    long m = (nextLong() >>> 32) * bound;
    long low = m & 0xffffffffL;
    if (low < bound) {
      long threshold = (0x100000000L - bound) % bound;
      while (low < threshold) {
        m = (nextLong() >>> 32) * bound;
        low = m & 0xffffffffL;
      }
    }
    return (int) (m >>> 32);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static long fnv1a(String name) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}
