/**
 * kube-scheduler: {@link io.kubenetsim.core.scheduler.Scheduler} filters and scores nodes and
 * binds pods; {@code NodeFit} holds the filters and the "0/N nodes are available" message;
 * {@code NodeLoad} keeps pods per node per event, so a pass does not recount them, and
 * {@code NodeTable} lays the nodes out by column, so a pass over hundreds of them reads arrays.
 */
package io.kubenetsim.core.scheduler;
