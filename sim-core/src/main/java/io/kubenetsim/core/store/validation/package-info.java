/**
 * kube-apiserver-style validation of objects before the store accepts them.
 *
 * <p>Start here: {@link io.kubenetsim.core.store.validation.ObjectValidator} dispatches on kind
 * to {@code PodValidation}, {@code NodeValidation}, {@code NamespaceValidation}, {@code
 * DeploymentValidation}, {@code ReplicaSetValidation}, {@code StatefulSetValidation}, {@code
 * ConfigMapValidation}, {@code ServiceValidation} (split into
 * {@code ServicePortRules}, {@code ServiceClusterIpRules}, {@code ServiceTypeRules}, {@code
 * ServiceTrafficRules} and {@code ServiceFamilyInit}), {@code EndpointSliceValidation}, {@code
 * EndpointsValidation}, {@code ServiceCIDRValidation} and {@code NetworkPolicyValidation}.
 * Services are defaulted first, by {@code ServiceDefaults}, which the store calls; so are
 * NetworkPolicies ({@code NetworkPolicyDefaults}: {@code policyTypes}) and StatefulSets
 * ({@code StatefulSetDefaults}: pod management policy, update strategy), through {@code
 * WriteStrategy.defaulting} strategies. The kinds share {@code MetadataRules}
 * ({@code metadata}), {@code SelectorRules} (label selectors), {@code PodSpecRules} (a pod spec
 * at any path, also {@code spec.template.spec}), and the format checks {@code NameRules},
 * {@code NameFormat} and {@code IpRules} (also the sloppy CIDR networks NetworkPolicy's
 * {@code except} rule compares). Names, label keys and values, and IPv4 text are matched in
 * one pass by hand, not by regex: every write is checked; {@code NameRulesProperties} holds
 * the matchers to upstream's formats.
 *
 * <p>Every check returns {@link io.kubenetsim.manifest.FieldError}s whose {@code toString()}
 * is upstream's text ({@code spec.containers[0].image: Required value}) and whose {@code
 * rule()} is a stable id such as {@code pod.container.image.required}. Errors come in
 * upstream's order; maps are walked in key order, so output never depends on hashing.
 */
package io.kubenetsim.core.store.validation;
