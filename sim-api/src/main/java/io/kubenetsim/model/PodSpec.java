package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of {@code Pod.spec} that networking depends on.
 *
 * @param nodeName the node the pod is bound to ({@code ""} until scheduled)
 * @param hostNetwork whether the pod shares its node's network namespace (and IP)
 * @param terminationGracePeriodSeconds how long a deleted pod may take to stop (default 30)
 * @param hostname {@code spec.hostname}, {@code ""} when unset
 * @param subdomain {@code spec.subdomain}, {@code ""} when unset
 * @param restartPolicy {@code Always}, {@code OnFailure} or {@code Never}
 * @param dnsPolicy which resolv.conf the kubelet writes: {@link DnsPolicy#CLUSTER_FIRST} by
 *     default
 * @param dnsConfig {@code spec.dnsConfig}: nameservers, search domains and options added to what
 *     the policy gives (the whole file with {@link DnsPolicy#NONE}); empty when unset
 * @param readinessGates {@code spec.readinessGates}: conditions that must be True, besides the
 *     containers being ready, for the pod to be Ready; empty for most pods
 */
public record PodSpec(
    String nodeName,
    boolean hostNetwork,
    ImmutableList<Container> containers,
    long terminationGracePeriodSeconds,
    String hostname,
    String subdomain,
    String restartPolicy,
    DnsPolicy dnsPolicy,
    Optional<PodDNSConfig> dnsConfig,
    ImmutableList<PodReadinessGate> readinessGates) {

  /** Upstream's default {@code terminationGracePeriodSeconds}. */
  public static final long DEFAULT_GRACE_PERIOD_SECONDS = 30;

  public PodSpec {
    checkArgument(nodeName != null && hostname != null && subdomain != null
        && restartPolicy != null, "spec strings must not be null");
    checkArgument(dnsPolicy != null && dnsConfig != null,
        "dnsPolicy and dnsConfig must not be null (use Optional.empty() for no dnsConfig)");
    containers = ImmutableList.copyOf(containers);
    readinessGates = ImmutableList.copyOf(readinessGates);
  }

  /** {@return a spec with these containers and upstream's defaults elsewhere} */
  public static PodSpec of(List<Container> containers) {
    return new PodSpec("", false, ImmutableList.copyOf(containers), DEFAULT_GRACE_PERIOD_SECONDS,
        "", "", "Always", DnsPolicy.CLUSTER_FIRST, Optional.empty(), ImmutableList.of());
  }

  public PodSpec withNodeName(String node) {
    return new PodSpec(node, hostNetwork, containers, terminationGracePeriodSeconds, hostname,
        subdomain, restartPolicy, dnsPolicy, dnsConfig, readinessGates);
  }

  public PodSpec withHostNetwork(boolean value) {
    return new PodSpec(nodeName, value, containers, terminationGracePeriodSeconds, hostname,
        subdomain, restartPolicy, dnsPolicy, dnsConfig, readinessGates);
  }

  public PodSpec withContainers(List<Container> newContainers) {
    return new PodSpec(nodeName, hostNetwork, ImmutableList.copyOf(newContainers),
        terminationGracePeriodSeconds, hostname, subdomain, restartPolicy, dnsPolicy,
        dnsConfig, readinessGates);
  }

  public PodSpec withTerminationGracePeriodSeconds(long seconds) {
    return new PodSpec(nodeName, hostNetwork, containers, seconds, hostname, subdomain,
        restartPolicy, dnsPolicy, dnsConfig, readinessGates);
  }

  public PodSpec withHostnameAndSubdomain(String newHostname, String newSubdomain) {
    return new PodSpec(nodeName, hostNetwork, containers, terminationGracePeriodSeconds,
        newHostname, newSubdomain, restartPolicy, dnsPolicy, dnsConfig, readinessGates);
  }

  public PodSpec withReadinessGates(List<PodReadinessGate> gates) {
    return new PodSpec(nodeName, hostNetwork, containers, terminationGracePeriodSeconds,
        hostname, subdomain, restartPolicy, dnsPolicy, dnsConfig, ImmutableList.copyOf(gates));
  }

  /** {@return this spec with another DNS policy and config ({@code Optional.empty()}: none)} */
  public PodSpec withDns(DnsPolicy policy, Optional<PodDNSConfig> config) {
    return new PodSpec(nodeName, hostNetwork, containers, terminationGracePeriodSeconds,
        hostname, subdomain, restartPolicy, policy, config, readinessGates);
  }

  /** {@return every container port, in container then port order} */
  public ImmutableList<ContainerPort> allPorts() {
    if (containers.size() == 1) {
      return containers.get(0).ports();
    }
    ImmutableList.Builder<ContainerPort> ports = ImmutableList.builder();
    containers.forEach(c -> ports.addAll(c.ports()));
    return ports.build();
  }
}
