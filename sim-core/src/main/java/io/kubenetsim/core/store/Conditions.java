package io.kubenetsim.core.store;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.Condition;
import io.kubenetsim.model.ConditionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets one condition in a list, keeping {@code lastTransitionTime} when the status does not
 * change (as every Kubernetes component does) and keeping the list's order stable.
 */
public final class Conditions {

  private Conditions() {}

  /** {@return the list with the condition of this type set} */
  public static ImmutableList<Condition> set(List<Condition> conditions, String type,
      ConditionStatus status, Instant now, String reason, String message) {
    List<Condition> out = new ArrayList<>();
    boolean found = false;
    for (Condition c : conditions) {
      if (c.type().equals(type)) {
        Instant since = c.status() == status ? c.lastTransitionTime() : now;
        out.add(new Condition(type, status, since, reason, message));
        found = true;
      } else {
        out.add(c);
      }
    }
    if (!found) {
      out.add(new Condition(type, status, now, reason, message));
    }
    return ImmutableList.copyOf(out);
  }
}
