/**
 * kube-netsim in JUnit 5 tests: {@link io.kubenetsim.junit.KubeSimTest} injects a fresh, settled
 * {@link io.kubenetsim.Cluster} per test and, when the test fails, adds the seed that replays it,
 * the tail of the event log and the last connection's explanation to the report; {@link
 * io.kubenetsim.junit.KubeAssertions} reads like the question a test asks ("can this pod reach
 * that Service?") and fails with the connection's trace.
 */
package io.kubenetsim.junit;
