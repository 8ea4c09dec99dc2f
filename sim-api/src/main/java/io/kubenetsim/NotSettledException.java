package io.kubenetsim;

/**
 * {@code settle()} hit its bound with events still pending: something in the cluster keeps
 * changing (a crash-looping pod, a Deployment that cannot place its pods and keeps retrying).
 * The message names the seed, the virtual time and the most frequent recent events, so the
 * run can be replayed and the culprit found.
 */
public class NotSettledException extends SimulationException {
  private static final long serialVersionUID = 1L;

  public NotSettledException(String message) {
    super(message);
  }
}
