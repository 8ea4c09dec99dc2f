/**
 * kube-scheduler: {@link io.kubenetsim.core.scheduler.Scheduler} filters and scores nodes and
 * binds pods; {@code NodeFit} holds the filters and the "0/N nodes are available" message.
 */
package io.kubenetsim.core.scheduler;
