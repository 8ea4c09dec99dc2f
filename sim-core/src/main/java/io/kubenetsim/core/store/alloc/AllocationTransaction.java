package io.kubenetsim.core.store.alloc;

import java.util.ArrayList;
import java.util.List;

/**
 * The undo steps of one Service write, as upstream's {@code metaTransaction} in {@code
 * storage/transaction.go}: every allocation registers how to give it back, and a failed write
 * runs those steps newest first. Confined to the simulation thread.
 */
final class AllocationTransaction {
  private final List<Runnable> undo = new ArrayList<>();

  /** Registers how to give back something this write took. */
  void onRevert(Runnable step) {
    undo.add(step);
  }

  /** Gives back everything this write took, newest first; a second call does nothing. */
  void revert() {
    for (int i = undo.size() - 1; i >= 0; i--) {
      undo.get(i).run();
    }
    undo.clear();
  }
}
