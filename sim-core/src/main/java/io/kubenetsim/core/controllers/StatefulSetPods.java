package io.kubenetsim.core.controllers;

import io.kubenetsim.model.Condition;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodPhase;
import io.kubenetsim.model.PodStatus;
import io.kubenetsim.model.PodTemplateSpec;
import io.kubenetsim.model.StatefulSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A StatefulSet pod's identity and health, after upstream's {@code stateful_set_utils.go}:
 * names {@code <set>-<ordinal>} ({@code getPodName}, {@code getParentNameAndOrdinal}), the
 * identity a new pod gets ({@code newStatefulSetPod}, {@code initIdentity}: {@code hostname} =
 * its name, {@code subdomain} = the set's {@code serviceName}, the labels {@code
 * statefulset.kubernetes.io/pod-name} and {@code apps.kubernetes.io/pod-index}, and {@code
 * controller-revision-hash}), the identity check and repair ({@code identityMatches}, {@code
 * updateIdentity}: the labels; hostname and subdomain cannot change on a pod), and the health
 * predicates ({@code isRunningAndReady}, {@code isRunningAndAvailable}, {@code isUnavailable}).
 *
 * <pre>{@code
 * StatefulSetPods.ordinal(pod);            // OptionalInt[2] for web-2
 * StatefulSetPods.newPod(set, template, "web-5fd8c7b964", 0);   // web-0, hostname web-0
 * }</pre>
 */
final class StatefulSetPods {
  /** Upstream's {@code StatefulSetPodNameLabel}. */
  static final String POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
  /** Upstream's {@code PodIndexLabel} (the PodIndexLabel feature, on by default). */
  static final String POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";
  /** Upstream's {@code ControllerRevisionHashLabelKey}. */
  static final String REVISION_LABEL = "controller-revision-hash";

  private static final Pattern NAME = Pattern.compile("(.*)-([0-9]+)$");

  private StatefulSetPods() {}

  /** {@return the name of the set's pod with this ordinal: {@code web-0}} */
  static String podName(StatefulSet set, int ordinal) {
    return set.metadata().name() + "-" + ordinal;
  }

  /** {@return the ordinal a pod's name ends with; empty when it has none or it overflows} */
  static OptionalInt ordinal(Pod pod) {
    Matcher m = NAME.matcher(pod.metadata().name());
    if (!m.matches()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(m.group(2)));
    } catch (NumberFormatException e) {
      return OptionalInt.empty(); // As upstream's ParseInt(…, 32) failing: ordinal -1.
    }
  }

  /** {@return whether the pod's name is {@code <set>-<ordinal>} ({@code isMemberOf})} */
  static boolean isMemberOf(StatefulSet set, Pod pod) {
    Matcher m = NAME.matcher(pod.metadata().name());
    return m.matches() && m.group(1).equals(set.metadata().name());
  }

  /** {@return the revision a pod was made from ({@code getPodRevision}), {@code ""} if none} */
  static String revision(Pod pod) {
    return pod.metadata().labels().get(REVISION_LABEL).orElse("");
  }

  /**
   * {@return a pod for this ordinal from a template of the set at a revision} It has not been
   * created yet: {@link #isCreated} tells it from a pod the API holds.
   */
  static Pod newPod(StatefulSet set, PodTemplateSpec template, String revision, int ordinal) {
    String name = podName(set, ordinal);
    ObjectMeta meta = ObjectMeta.named(set.metadata().namespace(), name)
        .withLabels(template.labels().with(POD_NAME_LABEL, name)
            .with(POD_INDEX_LABEL, Integer.toString(ordinal)).with(REVISION_LABEL, revision))
        .withAnnotations(template.metadata().annotations())
        .withOwnerReferences(List.of(OwnerIndex.controllerRef(set)));
    return new Pod(meta,
        template.spec().withHostnameAndSubdomain(name, set.spec().serviceName()),
        PodStatus.pending());
  }

  /** {@return whether the API holds the pod (it has a uid), not a pod still to create} */
  static boolean isCreated(Pod pod) {
    return !pod.metadata().uid().isEmpty();
  }

  /** {@return whether the pod's identity labels match its name ({@code identityMatches})} */
  static boolean identityMatches(StatefulSet set, Pod pod) {
    OptionalInt ordinal = ordinal(pod);
    return ordinal.isPresent() && isMemberOf(set, pod)
        && pod.metadata().namespace().equals(set.metadata().namespace())
        && pod.metadata().labels().get(POD_NAME_LABEL).filter(pod.metadata().name()::equals)
            .isPresent()
        && pod.metadata().labels().get(POD_INDEX_LABEL)
            .filter(Integer.toString(ordinal.getAsInt())::equals).isPresent();
  }

  /** {@return the pod with its identity labels restored ({@code updateIdentity})} */
  static Pod withIdentity(Pod pod) {
    String index = Integer.toString(ordinal(pod).orElseThrow());
    return pod.withMetadata(pod.metadata().withLabels(pod.metadata().labels()
        .with(POD_NAME_LABEL, pod.metadata().name()).with(POD_INDEX_LABEL, index)));
  }

  static boolean isTerminating(Pod pod) {
    return pod.metadata().isTerminating();
  }

  /** {@return whether the pod ended for good, Failed or Succeeded: it is recreated} */
  static boolean hasEnded(Pod pod) {
    return isCreated(pod) && pod.status().phase().isTerminal();
  }

  /** {@return whether the pod is Running and its Ready condition True} */
  static boolean isRunningAndReady(Pod pod) {
    return pod.status().phase() == PodPhase.RUNNING && pod.isReady();
  }

  /** {@return whether the pod has been Running and Ready for at least {@code minReady}} */
  static boolean isRunningAndAvailable(Pod pod, Duration minReady, Instant now) {
    return availableAt(pod, minReady).filter(at -> !at.isAfter(now)).isPresent();
  }

  /** {@return when a Running and Ready pod becomes available; empty when it is not Ready} */
  static Optional<Instant> availableAt(Pod pod, Duration minReady) {
    if (!isRunningAndReady(pod)) {
      return Optional.empty();
    }
    return pod.status().condition("Ready").map(Condition::lastTransitionTime)
        .map(t -> t.plus(minReady));
  }

  /** {@return upstream's {@code isUnavailable}: terminating, not ready, or not yet available} */
  static boolean isUnavailable(Pod pod, Duration minReady, Instant now) {
    return isTerminating(pod) || !isRunningAndAvailable(pod, minReady, now);
  }
}
