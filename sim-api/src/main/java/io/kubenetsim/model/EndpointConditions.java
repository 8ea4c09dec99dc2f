package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;

/**
 * An endpoint's conditions. Unset (empty) means what the API says: ready and serving true,
 * terminating false. The EndpointSlice controller sets all three: serving = the pod's Ready
 * condition, terminating = deletionTimestamp set, ready = serving and not terminating (or true
 * whenever the Service publishes not-ready addresses).
 */
public record EndpointConditions(
    Optional<Boolean> ready, Optional<Boolean> serving, Optional<Boolean> terminating) {

  public EndpointConditions {
    checkArgument(ready != null && serving != null && terminating != null,
        "conditions must not be null (use Optional.empty() for unset)");
  }

  /** {@return all three conditions set} */
  public static EndpointConditions of(boolean ready, boolean serving, boolean terminating) {
    return new EndpointConditions(Optional.of(ready), Optional.of(serving),
        Optional.of(terminating));
  }

  /** {@return no condition set (every consumer reads that as ready and serving)} */
  public static EndpointConditions unset() {
    return new EndpointConditions(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** {@return whether ready, an unset value counting as true} */
  public boolean isReady() {
    return ready.orElse(true);
  }

  /** {@return whether serving, an unset value counting as ready} */
  public boolean isServing() {
    return serving.orElse(isReady());
  }

  /** {@return whether terminating, an unset value counting as false} */
  public boolean isTerminating() {
    return terminating.orElse(false);
  }

  @Override
  public String toString() {
    return "ready=" + ready.map(String::valueOf).orElse("unset") + " serving="
        + serving.map(String::valueOf).orElse("unset") + " terminating="
        + terminating.map(String::valueOf).orElse("unset");
  }
}
