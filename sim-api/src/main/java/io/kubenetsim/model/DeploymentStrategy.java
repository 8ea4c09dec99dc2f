package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * {@code Deployment.spec.strategy}: {@code RollingUpdate} (with {@code maxSurge} and {@code
 * maxUnavailable}, both 25% by default) or {@code Recreate}.
 */
public record DeploymentStrategy(String type, IntOrString maxSurge, IntOrString maxUnavailable) {

  public static final String ROLLING_UPDATE = "RollingUpdate";
  public static final String RECREATE = "Recreate";

  public DeploymentStrategy {
    checkArgument(type != null && maxSurge != null && maxUnavailable != null,
        "strategy parts must not be null");
  }

  /** {@return upstream's default: RollingUpdate, maxSurge 25%, maxUnavailable 25%} */
  public static DeploymentStrategy defaults() {
    return new DeploymentStrategy(ROLLING_UPDATE, IntOrString.of("25%"), IntOrString.of("25%"));
  }
}
