/**
 * The kubelets: {@link io.kubenetsim.core.kubelet.NodeAgents} routes each pod to its node's
 * {@link io.kubenetsim.core.kubelet.Kubelet}, which runs the pod lifecycle (sandbox and IP,
 * start, readiness, crash back-off, graceful termination, node failure and recovery). Ready
 * follows upstream's {@code GeneratePodReadyCondition}: ready containers and every readiness
 * gate's condition True; a gate's condition changed by another controller reaches the kubelet
 * through its pod watch, and the kubelet writes Ready again ({@code PodStatuses}).
 */
package io.kubenetsim.core.kubelet;
