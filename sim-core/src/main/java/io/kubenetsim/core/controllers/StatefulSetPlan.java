package io.kubenetsim.core.controllers;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.StatefulSetStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one sync of a StatefulSet decided, as data: the pod writes to make, in order, the status
 * to report once they all succeed (upstream writes no status after a failed pod write), and when
 * to look again because a Ready pod becomes available only after {@code minReadySeconds}.
 *
 * <pre>{@code
 * StatefulSetPlan plan = StatefulSetPlanner.plan(set, pods, current, update, now);
 * plan.actions();   // [CREATE web-1]: web-0 is Ready, so the next ordinal may start
 * }</pre>
 *
 * @param actions pod writes in the order upstream makes them
 * @param status the status after the sync (before the writes are seen)
 * @param recheck when a pod becomes available, if one is Ready but not yet for long enough
 */
record StatefulSetPlan(
    ImmutableList<PodAction> actions, StatefulSetStatus status, Optional<Duration> recheck) {

  StatefulSetPlan {
    checkArgument(actions != null && status != null && recheck != null,
        "plan parts must not be null");
  }

  StatefulSetPlan(List<PodAction> actions, StatefulSetStatus status, Optional<Duration> recheck) {
    this(ImmutableList.copyOf(actions), status, recheck);
  }

  /** One pod write. */
  record PodAction(Type type, Pod pod) {

    /** What is done to the pod. */
    enum Type {
      /** Create the pod (a missing ordinal, or one whose old pod is gone). */
      CREATE,
      /** Delete it: scale-down, a rolling update, or an ended pod to be recreated. */
      DELETE,
      /** Restore its identity labels ({@code UpdateStatefulPod}). */
      UPDATE
    }

    @Override
    public String toString() {
      return type + " " + pod.metadata().name();
    }
  }
}
