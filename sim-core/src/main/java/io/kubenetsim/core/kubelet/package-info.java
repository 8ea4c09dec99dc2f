/**
 * The kubelets: {@link io.kubenetsim.core.kubelet.NodeAgents} routes each pod to its node's
 * {@link io.kubenetsim.core.kubelet.Kubelet}, which runs the pod lifecycle (sandbox and IP,
 * start, readiness, crash back-off, graceful termination, node failure and recovery).
 */
package io.kubenetsim.core.kubelet;
