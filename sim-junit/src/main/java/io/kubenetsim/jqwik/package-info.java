/**
 * jqwik generators of Kubernetes objects and whole clusters ({@code KubeArbitraries}), which
 * shrink to small counterexamples and print a failing case as the YAML that reproduces it.
 *
 * <h2>Property tests of routing</h2>
 *
 * <p>{@link io.kubenetsim.jqwik.KubeArbitraries#clusters()} draws namespaces, Deployments,
 * client pods, Services of every {@link io.kubenetsim.jqwik.ServiceKind} and NetworkPolicies
 * that refer to each other; {@link io.kubenetsim.jqwik.ClusterManifests#build} applies them to
 * a new cluster and settles it. A property then asks the cluster what it does and compares the
 * answer with what upstream Kubernetes would do:
 *
 * <pre>{@code
 * class MyRoutingProperties {
 *   @Property(tries = 30)
 *   void everyConnectionToAServiceLandsOnOneOfItsBackends(
 *       @ForAll("clusters") ClusterManifests manifests, @ForAll ProxyMode mode) {
 *     Cluster cluster = manifests.build(42, 2, mode);
 *     PodHandle client = cluster.getPod(manifests.clients().get(0).metadata().key().toString());
 *     for (Service generated : manifests.services(ServiceKind.CLUSTER_IP)) {
 *       ServiceHandle service = cluster.getService(generated.metadata().key().toString());
 *       Connection c = client.connect(service, service.get().spec().ports().get(0).port());
 *       c.backend().ifPresent(b -> assertTrue(service.endpoints().contains(b)));
 *     }
 *   }
 *
 *   @Provide
 *   Arbitrary<ClusterManifests> clusters() {
 *     return KubeArbitraries.clusters(ClusterShape.defaults().withMaxPolicies(0));
 *   }
 * }
 * }</pre>
 *
 * <p>A failure shrinks to a cluster of a namespace or two and a pod or two, printed as YAML
 * ({@code kubectl apply -f} it in kube-netsim's CLI to look around); a single generated
 * object in a sample (a {@code @ForAll NetworkPolicy}) prints as its manifest too, through
 * {@link io.kubenetsim.jqwik.ManifestReportingFormat}, which jqwik finds on its own. Keep tries
 * modest: every try builds and settles a cluster. For changes over time, drive a built cluster
 * with a jqwik {@code ActionChain} whose actions apply objects drawn from {@code
 * KubeArbitraries} (a Service for an existing Deployment, a policy for the cluster's labels)
 * and check invariants after each step; kube-netsim's own suite does so in {@code
 * ClusterActionChainProperties}.
 */
package io.kubenetsim.jqwik;
