/**
 * sim-core's entry: {@link io.kubenetsim.core.CoreSimulationProvider} writes manifests for
 * {@code KubeSim.toYaml} with the one {@code ManifestWriter}, and builds a {@code
 * SimulatedCluster}, the {@link io.kubenetsim.Cluster} facade over a {@code ControlPlane} that
 * wires engine, store, controllers, scheduler and kubelets in a fixed order. Live handles
 * ({@code LivePod}, {@code LiveNode}, {@code LiveDeployment}, {@code LiveStatefulSet}, {@code
 * LiveService}, {@code LiveKubeProxy}) read the store on every call; {@code Reachabilities}
 * answers the facade's NetworkPolicy truth tables. The wiring sits on top of the package stack
 * that {@code PackageStackTest} checks: engine, store and manifest, ipam, the components
 * (controllers, scheduler, kubelet, proxy), net, kubectl.
 */
package io.kubenetsim.core;
