/**
 * The discrete-event kernel. Start here: {@link io.kubenetsim.core.engine.Simulator} (clock,
 * queue, run loop), {@link io.kubenetsim.core.engine.SeededRandom} (named child streams),
 * {@link io.kubenetsim.core.engine.EventLog}. Nothing here reads the machine's clock.
 */
package io.kubenetsim.core.engine;
