package io.kubenetsim.core.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How many feasible nodes the scheduler looks for before it stops, as upstream's {@code
 * numFeasibleNodesToFind} with the default adaptive {@code percentageOfNodesToScore}
 * ({@code TestNumFeasibleNodesToFind} in {@code pkg/scheduler/schedule_one_test.go}).
 */
class FeasibleNodesTest {

  @ParameterizedTest(name = "{0} nodes -> {1}")
  @CsvSource({
      // below minFeasibleNodesToFind (100): every node
      "10, 10",
      "99, 99",
      // 50 - 1000/125 = 42 %
      "1000, 420",
      // 50 - 5000/125 = 10 %
      "5000, 500",
      // 50 - 6000/125 = 2 %, raised to the 5 % minimum
      "6000, 300",
      // 100 nodes at 50 - 0 = 50 % is 50, raised to the 100-node minimum
      "100, 100",
      "150, 100",
  })
  void adaptiveShare(int nodes, int expected) {
    assertEquals(expected, Scheduler.numFeasibleNodesToFind(nodes));
  }
}
