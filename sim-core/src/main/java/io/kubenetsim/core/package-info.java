/**
 * sim-core's entry: {@link io.kubenetsim.core.CoreSimulationProvider} builds a {@code
 * SimulatedCluster}, the {@link io.kubenetsim.Cluster} facade over a {@code ControlPlane} that
 * wires engine, store, controllers, scheduler and kubelets in a fixed order. Live handles
 * ({@code LivePod}, {@code LiveNode}, {@code LiveDeployment}) read the store on every call.
 */
package io.kubenetsim.core;
