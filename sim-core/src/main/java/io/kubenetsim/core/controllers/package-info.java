/**
 * kube-controller-manager's control loops, each fed by lagging informers through a
 * de-duplicating {@link io.kubenetsim.core.store.WorkQueue}. Start here: {@link
 * io.kubenetsim.core.controllers.DeploymentController} and {@link
 * io.kubenetsim.core.controllers.ReplicaSetController} (workloads), {@link
 * io.kubenetsim.core.controllers.NodeIpamController} (pod CIDRs), {@link
 * io.kubenetsim.core.controllers.NodeLifecycleController} (failure and eviction), {@link
 * io.kubenetsim.core.controllers.GarbageCollector}, {@link
 * io.kubenetsim.core.controllers.PodGarbageCollector}, {@link
 * io.kubenetsim.core.controllers.NamespaceController}.
 */
package io.kubenetsim.core.controllers;
