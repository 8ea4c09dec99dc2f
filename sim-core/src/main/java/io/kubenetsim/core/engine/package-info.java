/**
 * The discrete-event kernel. Start here: {@link io.kubenetsim.core.engine.Simulator} (clock,
 * queue, run loop), {@code EventQueue} (a radix heap: equal times run in insertion order without
 * sequence numbers), {@link io.kubenetsim.core.engine.SeededRandom} (named child streams),
 * {@link io.kubenetsim.core.engine.EventLog}. Nothing here reads the machine's clock.
 */
package io.kubenetsim.core.engine;
