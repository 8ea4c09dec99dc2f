/**
 * Kubernetes objects as immutable records: {@link io.kubenetsim.model.Pod}, {@link
 * io.kubenetsim.model.Node}, {@link io.kubenetsim.model.Namespace}, {@link
 * io.kubenetsim.model.Deployment}, {@link io.kubenetsim.model.ReplicaSet}, {@link
 * io.kubenetsim.model.StatefulSet} (its spec, update strategy and status), {@link
 * io.kubenetsim.model.ConfigMap} (text and {@link io.kubenetsim.model.ByteString} data), {@link
 * io.kubenetsim.model.Service}, {@link io.kubenetsim.model.EndpointSlice}, {@link
 * io.kubenetsim.model.NetworkPolicy} (its spec, rules, peers, {@code IPBlock} and ports), and
 * their parts
 * ({@link io.kubenetsim.model.ObjectMeta}, {@link io.kubenetsim.model.Labels}, {@link
 * io.kubenetsim.model.LabelSelector}, {@link io.kubenetsim.model.PodReadinessGate}, {@link
 * io.kubenetsim.model.PodDNSConfig}). Records
 * hold what the API can hold, valid or not: the cluster's validation decides, so tests can build
 * invalid objects and see them rejected. Enumerated fields have enums to read them with once
 * stored: {@link io.kubenetsim.model.ServiceType}, {@link io.kubenetsim.model.TrafficPolicy}
 * ({@code ServiceSpec.isType}, {@code externalPolicy()}, {@code internalPolicy()}), {@link
 * io.kubenetsim.model.PodManagementPolicy} ({@code StatefulSetSpec.podManagement()}). A pod's
 * {@link io.kubenetsim.model.DnsPolicy} is stored typed, as a port's protocol is: a value the
 * API does not define is reported when a manifest is read.
 */
package io.kubenetsim.model;
