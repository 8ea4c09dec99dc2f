package io.kubenetsim;

/** The root of kube-netsim's exceptions: something the caller asked for could not be done. */
public class SimulationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SimulationException(String message) {
    super(message);
  }

  public SimulationException(String message, Throwable cause) {
    super(message, cause);
  }
}
