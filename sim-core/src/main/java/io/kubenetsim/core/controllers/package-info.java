/**
 * kube-controller-manager's control loops, each fed by lagging informers through a
 * de-duplicating {@link io.kubenetsim.core.store.WorkQueue}. Start here: {@link
 * io.kubenetsim.core.controllers.DeploymentController}, {@link
 * io.kubenetsim.core.controllers.ReplicaSetController} and {@link
 * io.kubenetsim.core.controllers.StatefulSetController} (workloads; a StatefulSet's sync is
 * planned as data by {@code StatefulSetPlanner}, with pod identities from {@code
 * StatefulSetPods} and templates by revision from {@code StatefulSetRevisions}), {@link
 * io.kubenetsim.core.controllers.NodeIpamController} (pod CIDRs), {@link
 * io.kubenetsim.core.controllers.NodeLifecycleController} (failure and eviction), {@link
 * io.kubenetsim.core.controllers.GarbageCollector}, {@link
 * io.kubenetsim.core.controllers.PodGarbageCollector}, {@link
 * io.kubenetsim.core.controllers.NamespaceController}.
 */
package io.kubenetsim.core.controllers;
