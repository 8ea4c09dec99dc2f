/**
 * The event log: every state change as a {@link io.kubenetsim.event.SimEvent}, read through
 * {@link io.kubenetsim.event.Events} with filters and a digest for determinism checks.
 */
package io.kubenetsim.event;
