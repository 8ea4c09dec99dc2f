/**
 * kube-apiserver and its storage. Start here: {@link io.kubenetsim.core.store.ApiStore}
 * (objects, versions, validation, watches), {@link io.kubenetsim.core.store.Informer} (lagging
 * shared caches), {@link io.kubenetsim.core.store.AtomicApply} (all-or-nothing apply).
 */
package io.kubenetsim.core.store;
