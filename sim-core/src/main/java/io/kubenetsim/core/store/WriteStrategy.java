package io.kubenetsim.core.store;

import io.kubenetsim.model.KubernetesObject;
import java.util.function.UnaryOperator;

/**
 * What the API server does for one kind around validation, as a registry strategy and
 * {@code BeginCreate}/{@code BeginUpdate} hooks do upstream: default the object and allocate
 * what it needs before it is validated, then commit or revert that work. Kinds without a
 * strategy are stored as given.
 */
public interface WriteStrategy {

  /**
   * Prepares a new object: defaults and allocations.
   *
   * @throws io.kubenetsim.manifest.ValidationException when an allocation fails; nothing is
   *     left allocated then
   */
  Prepared prepareCreate(KubernetesObject object);

  /** Prepares an update of {@code stored} to {@code updated}, as {@link #prepareCreate}. */
  Prepared prepareUpdate(KubernetesObject stored, KubernetesObject updated);

  /** The object was deleted: release what it held. */
  void deleted(KubernetesObject object);

  /**
   * {@return a strategy that only defaults: {@code defaults} runs on every create and every
   * update, as a kind's {@code SetDefaults_*} functions run on each decoded request}
   *
   * <pre>{@code
   * store.registerStrategy(NetworkPolicy.KIND,
   *     WriteStrategy.defaulting(NetworkPolicy.class, NetworkPolicyDefaults::apply));
   * }</pre>
   */
  static <T extends KubernetesObject> WriteStrategy defaulting(Class<T> type,
      UnaryOperator<T> defaults) {
    return new WriteStrategy() {
      @Override
      public Prepared prepareCreate(KubernetesObject object) {
        return Prepared.of(defaults.apply(type.cast(object)));
      }

      @Override
      public Prepared prepareUpdate(KubernetesObject stored, KubernetesObject updated) {
        return Prepared.of(defaults.apply(type.cast(updated)));
      }

      @Override
      public void deleted(KubernetesObject object) {}
    };
  }

  /**
   * A prepared write: the object to validate and store, and how to finish or undo the work
   * done for it. Exactly one of {@code commit} and {@code revert} runs.
   */
  record Prepared(KubernetesObject object, Runnable commit, Runnable revert) {

    /** {@return a write that needed no preparation} */
    public static Prepared of(KubernetesObject object) {
      return new Prepared(object, () -> { }, () -> { });
    }
  }
}
