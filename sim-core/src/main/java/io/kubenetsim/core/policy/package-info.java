/**
 * NetworkPolicy enforcement, as a CNI's policy agent does it. Start here: {@link
 * io.kubenetsim.core.policy.NetworkPolicyEngine} (watches policies, pods, namespaces and nodes
 * through lagging informers; answers a connection's checks as {@code PolicyCheck}s and pods ×
 * pods as a {@code Reachability} table). Package-private parts, in the order state flows:
 * {@code PodIndex} (pods by name and IP as {@code PolicyPod}s, namespaces as {@code
 * PolicyNamespace}s, node addresses) tells {@code Selections}
 * which pod or namespace changed; {@code Selections} keeps every selector the policies use
 * compiled to a shared set ({@code PodSelection}, {@code NamespaceSelection}) and updates only
 * what the change touches; {@code PolicySet} compiles policies ({@code CompiledPolicy}, {@code
 * CompiledRule}, {@code PortMatcher}, {@code AddressBlock}) and keeps each pod's selecting
 * policies per direction ({@code PodPolicies}); {@code Verdicts} decides one direction with
 * lookups over the rules {@code PortCandidates} says can match a port, and explains the
 * decision; {@code ReachabilityMatrix} computes a table with bit sets ({@code Bits}).
 * Modelled on cyclonus's {@code pkg/matcher} for the semantics and on CNI agents' address sets
 * for the incremental state.
 */
package io.kubenetsim.core.policy;
