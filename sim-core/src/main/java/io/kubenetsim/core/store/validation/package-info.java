/**
 * kube-apiserver-style validation of objects before the store accepts them.
 *
 * <p>Start here: {@link io.kubenetsim.core.store.validation.ObjectValidator} dispatches on kind
 * to {@code PodValidation}, {@code NodeValidation}, {@code NamespaceValidation}, {@code
 * DeploymentValidation} and {@code ReplicaSetValidation}. They share {@code MetadataRules}
 * ({@code metadata}), {@code SelectorRules} (label selectors), {@code PodSpecRules} (a pod spec
 * at any path, also {@code spec.template.spec}), and the format checks {@code NameRules},
 * {@code NameFormat} and {@code IpRules}.
 *
 * <p>Every check returns {@link io.kubenetsim.manifest.FieldError}s whose {@code toString()}
 * is upstream's text ({@code spec.containers[0].image: Required value}) and whose {@code
 * rule()} is a stable id such as {@code pod.container.image.required}. Errors come in
 * upstream's order; maps are walked in key order, so output never depends on hashing.
 */
package io.kubenetsim.core.store.validation;
