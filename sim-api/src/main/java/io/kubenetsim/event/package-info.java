/**
 * The event log: every state change as a {@link io.kubenetsim.event.SimEvent}, read through
 * {@link io.kubenetsim.event.Events} with filters ({@code filter}, {@code inNamespace} for a
 * test's own objects) and a digest for determinism checks. A view
 * knows when it was taken: {@code since(d)} is the last {@code d}, as {@code kubectl events
 * --since}; {@code atOrAfter(t)} is from a point on the virtual clock.
 */
package io.kubenetsim.event;
