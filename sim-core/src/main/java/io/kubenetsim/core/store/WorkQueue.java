package io.kubenetsim.core.store;

import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.model.NamespacedName;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A controller's work queue, as client-go's: a key added while already waiting is not added
 * twice, so a burst of changes to one object costs one reconcile. Each key is processed by its
 * own scheduled event, so keys run in the order they were first added.
 */
public final class WorkQueue {
  private final Simulator sim;
  private final Consumer<NamespacedName> reconcile;
  private final Set<NamespacedName> waiting = new HashSet<>();

  public WorkQueue(Simulator sim, Consumer<NamespacedName> reconcile) {
    this.sim = sim;
    this.reconcile = reconcile;
  }

  /** Queues a key for processing now (after what is already due). */
  public void add(NamespacedName key) {
    addAfter(key, Duration.ZERO);
  }

  /** Queues a key for processing after a delay, unless it is already waiting. */
  public void addAfter(NamespacedName key, Duration delay) {
    if (waiting.add(key)) {
      sim.schedule(delay, () -> {
        waiting.remove(key);
        reconcile.accept(key);
      });
    }
  }
}
