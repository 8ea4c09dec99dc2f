package io.kubenetsim.core.store;

import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.model.KubernetesObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands out one shared {@link Informer} per kind and lag, so components with the same lag
 * share one cache (as a process's shared informer factory does) instead of each copying the
 * store.
 */
public final class InformerFactory {
  private final Simulator sim;
  private final ApiStore store;
  private final Map<String, Informer<?>> informers = new HashMap<>();

  public InformerFactory(Simulator sim, ApiStore store) {
    this.sim = sim;
    this.store = store;
  }

  /** {@return the shared informer for this kind and lag, created on first use} */
  public <T extends KubernetesObject> Informer<T> informer(Class<T> type, Duration lag) {
    String key = Kinds.of(type) + "@" + lag.toNanos();
    @SuppressWarnings("unchecked")
    Informer<T> informer =
        (Informer<T>) informers.computeIfAbsent(key, k -> new Informer<>(type, sim, store, lag));
    return informer;
  }
}
