/**
 * Kubernetes objects as immutable records: {@link io.kubenetsim.model.Pod}, {@link
 * io.kubenetsim.model.Node}, {@link io.kubenetsim.model.Namespace}, {@link
 * io.kubenetsim.model.Deployment}, {@link io.kubenetsim.model.ReplicaSet}, and their parts
 * ({@link io.kubenetsim.model.ObjectMeta}, {@link io.kubenetsim.model.Labels}, {@link
 * io.kubenetsim.model.LabelSelector}). Records hold what the API can hold, valid or not: the
 * cluster's validation decides, so tests can build invalid objects and see them rejected.
 */
package io.kubenetsim.model;
