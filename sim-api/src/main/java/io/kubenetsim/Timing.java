package io.kubenetsim;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;

/**
 * How long things take in the simulated cluster, on the virtual clock. The defaults follow
 * upstream's defaults where upstream has one and a plausible small cluster where it does not.
 *
 * @param informerLag how long after a write a watching component (controller, kubelet,
 *     scheduler) sees it; while the lag runs, the component acts on a stale view
 * @param schedulingDelay from a pod's creation (as the scheduler sees it) to its binding
 * @param sandboxDelay from binding (as the kubelet sees it) to the pod sandbox having an IP
 * @param containerStartDelay from the sandbox to the containers running
 * @param nodeMonitorGracePeriod how long a silent node stays Ready before the node lifecycle
 *     controller marks it {@code Unknown} (kube-controller-manager's
 *     {@code --node-monitor-grace-period}, 50 s since v1.32)
 * @param unreachableTolerationSeconds how long pods tolerate an unreachable or not-ready node
 *     before eviction (the DefaultTolerationSeconds admission plugin's 300 s)
 * @param crashLoopBackOffBase kubelet's first restart back-off (10 s, doubling)
 * @param crashLoopBackOffMax kubelet's back-off cap (5 min)
 * @param crashLoopRunTime how long a crash-looping container runs before it crashes again
 * @param containerStopDelay how long a container takes to exit after SIGTERM; capped by the
 *     pod's grace period. Upstream waits the whole grace period for a process that ignores
 *     SIGTERM, which the default models
 * @param loadBalancerProvisioning how long the simulated cloud takes to give a LoadBalancer
 *     Service its external IP
 * @param policyAgentLag how long after a write the node agents that enforce NetworkPolicy (a
 *     CNI's per-node daemon) see it: a policy just applied, or a pod just relabelled, does not
 *     filter traffic until then
 */
public record Timing(
    Duration informerLag,
    Duration schedulingDelay,
    Duration sandboxDelay,
    Duration containerStartDelay,
    Duration nodeMonitorGracePeriod,
    Duration unreachableTolerationSeconds,
    Duration crashLoopBackOffBase,
    Duration crashLoopBackOffMax,
    Duration crashLoopRunTime,
    Duration containerStopDelay,
    Duration loadBalancerProvisioning,
    Duration policyAgentLag) {

  private static final Timing DEFAULTS = new Timing(
      Duration.ofMillis(100),
      Duration.ofMillis(10),
      Duration.ofMillis(500),
      Duration.ofSeconds(1),
      Duration.ofSeconds(50),
      Duration.ofSeconds(300),
      Duration.ofSeconds(10),
      Duration.ofMinutes(5),
      Duration.ofSeconds(1),
      Duration.ofSeconds(PodGrace.FULL_GRACE_SECONDS),
      Duration.ofSeconds(3),
      Duration.ofMillis(500));

  public Timing {
    for (Duration d : new Duration[] {informerLag, schedulingDelay, sandboxDelay,
        containerStartDelay, nodeMonitorGracePeriod, unreachableTolerationSeconds,
        crashLoopBackOffBase, crashLoopBackOffMax, crashLoopRunTime, containerStopDelay,
        loadBalancerProvisioning, policyAgentLag}) {
      checkArgument(d != null && !d.isNegative(), "timings must be zero or positive, got %s", d);
    }
  }

  /** {@return upstream-like defaults} */
  public static Timing defaults() {
    return DEFAULTS;
  }

  /** {@return the same timings with another informer lag} */
  public Timing withInformerLag(Duration lag) {
    return new Timing(lag, schedulingDelay, sandboxDelay, containerStartDelay,
        nodeMonitorGracePeriod, unreachableTolerationSeconds, crashLoopBackOffBase,
        crashLoopBackOffMax, crashLoopRunTime, containerStopDelay, loadBalancerProvisioning,
        policyAgentLag);
  }

  /** {@return the same timings with another container stop delay} */
  public Timing withContainerStopDelay(Duration delay) {
    return new Timing(informerLag, schedulingDelay, sandboxDelay, containerStartDelay,
        nodeMonitorGracePeriod, unreachableTolerationSeconds, crashLoopBackOffBase,
        crashLoopBackOffMax, crashLoopRunTime, delay, loadBalancerProvisioning, policyAgentLag);
  }

  /** {@return the same timings with other node-failure timings} */
  public Timing withNodeFailureTimings(Duration gracePeriod, Duration toleration) {
    return new Timing(informerLag, schedulingDelay, sandboxDelay, containerStartDelay,
        gracePeriod, toleration, crashLoopBackOffBase, crashLoopBackOffMax, crashLoopRunTime,
        containerStopDelay, loadBalancerProvisioning, policyAgentLag);
  }

  /** {@return the same timings with another load-balancer provisioning delay} */
  public Timing withLoadBalancerProvisioning(Duration delay) {
    return new Timing(informerLag, schedulingDelay, sandboxDelay, containerStartDelay,
        nodeMonitorGracePeriod, unreachableTolerationSeconds, crashLoopBackOffBase,
        crashLoopBackOffMax, crashLoopRunTime, containerStopDelay, delay, policyAgentLag);
  }

  /** {@return the same timings with another lag for the NetworkPolicy node agents} */
  public Timing withPolicyAgentLag(Duration lag) {
    return new Timing(informerLag, schedulingDelay, sandboxDelay, containerStartDelay,
        nodeMonitorGracePeriod, unreachableTolerationSeconds, crashLoopBackOffBase,
        crashLoopBackOffMax, crashLoopRunTime, containerStopDelay, loadBalancerProvisioning, lag);
  }

  /** Constants about termination grace. */
  static final class PodGrace {
    /** Large enough that the pod's own grace period always caps it. */
    static final long FULL_GRACE_SECONDS = 365L * 24 * 3600;

    private PodGrace() {}
  }
}
