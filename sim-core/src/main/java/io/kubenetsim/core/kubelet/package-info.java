/**
 * The kubelets: {@link io.kubenetsim.core.kubelet.NodeAgents} routes each pod to its node's
 * {@link io.kubenetsim.core.kubelet.Kubelet}, which runs the pod lifecycle (sandbox and IP,
 * start, readiness, crash back-off, graceful termination, node failure and recovery). Ready
 * follows upstream's {@code GeneratePodReadyCondition}: ready containers and every readiness
 * gate's condition True; a gate's condition changed by another controller reaches the kubelet
 * through its pod watch, and the kubelet writes Ready again ({@code PodStatuses}).
 *
 * <p>DNS: {@link io.kubenetsim.core.kubelet.PodDns} forms each pod's {@code /etc/resolv.conf}
 * from its {@code dnsPolicy} ({@link io.kubenetsim.core.kubelet.PodDnsType}) and {@code
 * dnsConfig}, the cluster DNS address, the cluster domain and the node's resolver, as upstream's
 * {@code GetPodDNS}; limits are enforced and reported as {@code DNSConfigForming} warnings
 * ({@link io.kubenetsim.core.kubelet.PodDnsResult}), which the caller logs.
 */
package io.kubenetsim.core.kubelet;
