/**
 * jqwik generators of Kubernetes objects and whole clusters ({@code KubeArbitraries}), which
 * shrink to small counterexamples and print a failing case as the YAML that reproduces it.
 */
package io.kubenetsim.jqwik;
