/**
 * kube-netsim: a deterministic simulation of a Kubernetes cluster's control plane and
 * networking in one JVM. Start here: {@link io.kubenetsim.KubeSim#cluster()} builds a {@link
 * io.kubenetsim.Cluster}; its handles ({@link io.kubenetsim.PodHandle}, {@link
 * io.kubenetsim.NodeHandle}, {@link io.kubenetsim.DeploymentHandle}, {@link
 * io.kubenetsim.StatefulSetHandle}) act on live objects, and its builders ({@link
 * io.kubenetsim.StatefulSetBuilder}, {@link io.kubenetsim.ConfigMapBuilder}, …) create them;
 * {@link io.kubenetsim.Cluster#settle()} and {@link io.kubenetsim.Cluster#runFor} move virtual
 * time; {@link io.kubenetsim.Cluster#kubectl(String)} prints kubectl-style views (and throws
 * {@link io.kubenetsim.KubectlException} when a command fails; {@link
 * io.kubenetsim.Cluster#kubectlResult(String)} returns failures as values). {@link
 * io.kubenetsim.CloudProvider} says whether LoadBalancer Services get an address. {@link
 * io.kubenetsim.KubeSim#toYaml} writes objects made in code as a manifest to apply.
 */
package io.kubenetsim;
