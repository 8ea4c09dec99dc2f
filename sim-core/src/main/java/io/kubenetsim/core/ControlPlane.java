package io.kubenetsim.core;

import io.kubenetsim.ClusterConfig;
import io.kubenetsim.core.controllers.DeploymentController;
import io.kubenetsim.core.controllers.GarbageCollector;
import io.kubenetsim.core.controllers.NamespaceController;
import io.kubenetsim.core.controllers.NodeIpamController;
import io.kubenetsim.core.controllers.NodeLifecycleController;
import io.kubenetsim.core.controllers.OwnerIndex;
import io.kubenetsim.core.controllers.PodGarbageCollector;
import io.kubenetsim.core.controllers.ReplicaSetController;
import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.kubelet.NodeAgents;
import io.kubenetsim.core.scheduler.Scheduler;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.core.store.InformerFactory;
import io.kubenetsim.core.store.ObjectValidation;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.ReplicaSet;
import java.time.Duration;
import java.util.List;

/**
 * Wires the simulated components together, in the order a cluster starts them: the API store,
 * shared informers (all with the configured lag), kube-controller-manager's controllers,
 * kube-scheduler and the kubelets. Registration order is handler order, which is part of what
 * makes runs reproducible, so it is fixed here in one place.
 */
final class ControlPlane {
  final Simulator sim;
  final ApiStore store;
  final NodeAgents kubelets;
  final NodeLifecycleController nodeLifecycle;

  ControlPlane(ClusterConfig config, ObjectValidation validation) {
    this.sim = new Simulator(config.seed(), config.startTime());
    this.store = new ApiStore(sim, validation);
    Duration lag = config.timing().informerLag();
    InformerFactory factory = new InformerFactory(sim, store);
    Informer<Namespace> namespaces = factory.informer(Namespace.class, lag);
    Informer<Node> nodes = factory.informer(Node.class, lag);
    Informer<Pod> pods = factory.informer(Pod.class, lag);
    Informer<ReplicaSet> replicaSets = factory.informer(ReplicaSet.class, lag);
    Informer<Deployment> deployments = factory.informer(Deployment.class, lag);
    pods.addIndex(OwnerIndex.NAME, OwnerIndex::keys);
    pods.addIndex(Scheduler.NODE_INDEX, p -> List.of(p.spec().nodeName()));
    replicaSets.addIndex(OwnerIndex.NAME, OwnerIndex::keys);

    new NodeIpamController(sim, store, nodes, config.clusterCidr(), config.nodeCidrMaskSize());
    this.kubelets = new NodeAgents(sim, store, config.timing(), nodes, pods);
    this.nodeLifecycle = new NodeLifecycleController(sim, store, config.timing(),
        kubelets::isUp);
    new Scheduler(sim, store, pods, nodes, config.timing());
    new ReplicaSetController(sim, store, replicaSets, pods);
    new DeploymentController(sim, store, deployments, replicaSets);
    GarbageCollector gc = new GarbageCollector(store, replicaSets, pods);
    gc.watchOwners(deployments, replicaSets, pods);
    new PodGarbageCollector(sim, store, nodes, pods);
    new NamespaceController(sim, store, namespaces, pods);
  }
}
