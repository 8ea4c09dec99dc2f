package io.kubenetsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SeededRandomTest {

  private static long[] draw(SeededRandom random, int count) {
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      out[i] = random.nextLong();
    }
    return out;
  }

  @Test
  void theSameSeedGivesTheSameSequence() {
    // Proves replayability: two generators from one seed agree draw for draw; another seed
    // does not, so the sequence really depends on the seed.
    assertArrayEquals(draw(new SeededRandom(42), 1000), draw(new SeededRandom(42), 1000));
    assertFalse(Arrays.equals(draw(new SeededRandom(42), 1000), draw(new SeededRandom(43), 1000)),
        "seeds 42 and 43 gave the same 1000 draws");
    assertEquals(42, new SeededRandom(42).seed());
  }

  @Test
  void theSequenceIsPinnedAcrossJdkAndCodeChanges() {
    // Proves outputs are a fixed function of the seed: SplitMix64 from seed 0 starts with this
    // well-known value. If this changes, every golden trace changes with it.
    assertEquals(0xe220a8397b1dcdafL, new SeededRandom(0).nextLong());
  }

  @Test
  void aChildStreamDoesNotDependOnHowSiblingsOrTheParentAreUsed() {
    // Proves derivation by name: child "scheduler" draws the same numbers whether or not a
    // sibling was created first, drew a lot, or the parent itself drew.
    long[] alone = draw(new SeededRandom(7).child("scheduler"), 200);

    SeededRandom busy = new SeededRandom(7);
    SeededRandom sibling = busy.child("apiserver/uid");
    draw(sibling, 5000);
    draw(busy, 17);
    SeededRandom late = busy.child("scheduler");
    draw(busy.child("a-new-consumer"), 123);
    assertArrayEquals(alone, draw(late, 200));
  }

  @Test
  void childStreamsDifferByNameAndBySeed() {
    // Proves children are distinct streams: by name under one seed, by seed under one name.
    long[] a = draw(new SeededRandom(7).child("a"), 100);
    long[] b = draw(new SeededRandom(7).child("b"), 100);
    long[] a8 = draw(new SeededRandom(8).child("a"), 100);
    assertFalse(Arrays.equals(a, b), "children a and b of seed 7 are equal");
    assertFalse(Arrays.equals(a, a8), "child a of seeds 7 and 8 are equal");
  }

  @Test
  void nextIntStaysWithinItsBound() {
    // Proves the range contract for small, odd, power-of-two and huge bounds (the huge ones
    // exercise Lemire's rejection branch).
    SeededRandom random = new SeededRandom(3);
    for (int bound : new int[] {1, 2, 3, 7, 64, 1000, 1 << 30, (1 << 30) + 1, Integer.MAX_VALUE}) {
      for (int i = 0; i < 20_000; i++) {
        int value = random.nextInt(bound);
        assertTrue(value >= 0 && value < bound,
            "nextInt(" + bound + ") returned " + value + ", outside [0, " + bound + ")");
      }
    }
    assertEquals(0, new SeededRandom(5).nextInt(1));
  }

  @Test
  void nextIntRejectsBoundsBelowOne() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new SeededRandom(1).nextInt(0));
    assertTrue(e.getMessage().contains("0"), e.getMessage());
  }

  @Test
  void nextIntIsRoughlyUniform() {
    // Proves there is no gross bias: a chi-square statistic over 10 buckets (9 degrees of
    // freedom) for 100,000 draws stays below 27.88, the 0.1% critical value. The seed is
    // fixed, so the test cannot flake.
    for (int bound : new int[] {10, 7}) {
      SeededRandom random = new SeededRandom(123456789);
      int draws = 100_000;
      long[] counts = new long[bound];
      for (int i = 0; i < draws; i++) {
        counts[random.nextInt(bound)]++;
      }
      double expected = (double) draws / bound;
      double chiSquare = 0;
      for (long count : counts) {
        chiSquare += (count - expected) * (count - expected) / expected;
      }
      double critical = bound == 10 ? 27.88 : 22.46; // p = 0.001 for 9 and 6 degrees
      assertTrue(chiSquare < critical, "chi-square for nextInt(" + bound + ") is " + chiSquare
          + " (critical " + critical + "); counts " + Arrays.toString(counts));
    }
  }
}
