/**
 * kube-apiserver and its storage. Start here: {@link io.kubenetsim.core.store.ApiStore}
 * (objects, versions, validation, watches; each kind's objects in a {@code KindTable}, by name
 * order and by hash, with a {@code LabelIndex} for lists by selector), {@link io.kubenetsim.core.store.Informer} (lagging
 * shared caches, with named indexes that components sharing an informer add once: pods by
 * node, by label pair; Services by selector pair; slices by Service), {@link io.kubenetsim.core.store.AtomicApply} (all-or-nothing apply). What
 * client-go and apimachinery give every component lives here too: {@link
 * io.kubenetsim.core.store.WorkQueue} (de-duplicating, delayed requeue) and {@link
 * io.kubenetsim.core.store.Conditions} (status conditions with stable transition times).
 */
package io.kubenetsim.core.store;
