package io.kubenetsim.model;

/**
 * A readiness probe's timing, with upstream's defaults. The simulated container passes its
 * probe unless a test makes it fail, so only the timing matters here.
 */
public record Probe(
    int initialDelaySeconds,
    int periodSeconds,
    int timeoutSeconds,
    int successThreshold,
    int failureThreshold) {

  /** {@return a probe with upstream's defaults: period 10 s, timeout 1 s, thresholds 1 and 3} */
  public static Probe defaults() {
    return new Probe(0, 10, 1, 1, 3);
  }

  public Probe withInitialDelaySeconds(int seconds) {
    return new Probe(seconds, periodSeconds, timeoutSeconds, successThreshold, failureThreshold);
  }

  public Probe withPeriodSeconds(int seconds) {
    return new Probe(initialDelaySeconds, seconds, timeoutSeconds, successThreshold,
        failureThreshold);
  }
}
