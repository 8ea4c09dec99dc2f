package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.Condition;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Validates Pods as kube-apiserver's pod strategy does ({@code ValidatePodCreate}, {@code
 * ValidatePodUpdate} in {@code pkg/apis/core/validation}).
 *
 * <p>Create: metadata (namespaced, name a DNS-1123 subdomain), then {@link PodSpecRules} at
 * {@code spec}. Update: metadata immutability, the create checks on the new pod, then the rule
 * that a pod's spec is frozen except for container images: anything else that differs gives one
 * {@code spec: Forbidden: pod updates may not change fields other than …} error.
 *
 * <pre>{@code
 * List<FieldError> errors = PodValidation.validateUpdate(stored, edited);
 * }</pre>
 *
 * <p>Binding a pod to a node changes {@code spec.nodeName}, which a plain update may not do;
 * upstream binds through the {@code pods/binding} subresource, so the store's scheduler path
 * must not go through {@link #validateUpdate}.
 */
public final class PodValidation {

  /** Upstream's {@code updatablePodSpecFields}, joined with "," exactly as upstream joins them. */
  public static final String UPDATABLE_FIELDS = String.join(",",
      "`spec.containers[*].image`",
      "`spec.initContainers[*].image`",
      "`spec.activeDeadlineSeconds`",
      "`spec.tolerations` (only additions to existing tolerations)",
      "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously"
          + " negative)");

  /** The condition types upstream's {@code validatePodConditions} does not check. */
  private static final ImmutableSet<String> SYSTEM_CONDITIONS =
      ImmutableSet.of("PodScheduled", "Ready", "Initialized");

  private PodValidation() {}

  /** {@return every problem with a pod being created} */
  public static List<FieldError> validateCreate(Pod pod) {
    List<FieldError> errors = new ArrayList<>(MetadataRules.validate(
        pod.metadata(), true, NameFormat.DNS1123_SUBDOMAIN, "metadata"));
    errors.addAll(PodSpecRules.validate(pod.spec(), "spec"));
    return ImmutableList.copyOf(errors);
  }

  /**
   * {@return every problem with replacing {@code old} by {@code updated}}
   *
   * <p>Steps, as upstream: metadata immutability; the create checks on {@code updated}; a change
   * in the number of containers stops here ({@code pod updates may not add or remove
   * containers}); images must not carry surrounding whitespace; finally the spec, with images
   * taken from {@code old} (and a grace period set to 1 from a negative one accepted), must
   * equal the old spec.
   *
   * <p>Simplification: upstream appends Go's {@code cmp.Diff} of the two specs to the message;
   * kube-netsim appends one line per changed field, {@code <path>: <old> -> <new>}.
   */
  public static List<FieldError> validateUpdate(Pod old, Pod updated) {
    List<FieldError> errors = new ArrayList<>(
        MetadataRules.validateUpdate(updated.metadata(), old.metadata(), "metadata"));
    errors.addAll(validateCreate(updated));
    List<Container> oldContainers = old.spec().containers();
    List<Container> newContainers = updated.spec().containers();
    if (oldContainers.size() != newContainers.size()) {
      errors.add(FieldError.forbidden("spec.containers",
          "pod updates may not add or remove containers", "pod.update.containers-changed"));
      return ImmutableList.copyOf(errors);
    }
    for (int i = 0; i < newContainers.size(); i++) {
      String image = newContainers.get(i).image();
      if (!image.strip().equals(image)) {
        errors.add(FieldError.invalid("spec.containers[" + i + "].image", image,
            "must not have leading or trailing whitespace", "pod.update.image-whitespace"));
      }
    }
    PodSpec munged = mungeUpdatableFields(old.spec(), updated.spec());
    if (!munged.equals(old.spec())) {
      errors.add(FieldError.forbidden("spec",
          "pod updates may not change fields other than " + UPDATABLE_FIELDS + "\n"
              + String.join("\n", changes(old.spec(), munged)),
          "pod.update.spec-forbidden"));
    }
    return ImmutableList.copyOf(errors);
  }

  /**
   * {@return every problem with a pod's status conditions, as upstream's {@code
   * validatePodConditions} checks them on a status update} The types of the system conditions
   * ({@code PodScheduled}, {@code Ready}, {@code Initialized}) are taken as they are; every
   * other type must be a qualified name, reported at {@code status.conditions[i].type}.
   */
  public static List<FieldError> validateConditions(List<Condition> conditions) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      String type = conditions.get(i).type();
      if (SYSTEM_CONDITIONS.contains(type)) {
        continue;
      }
      for (String message : NameRules.qualifiedName(type)) {
        errors.add(FieldError.invalid("status.conditions[" + i + "].type", type, message,
            "pod.condition.type"));
      }
    }
    return ImmutableList.copyOf(errors);
  }

  /** {@return the new spec with what an update may change put back to the old values} */
  private static PodSpec mungeUpdatableFields(PodSpec old, PodSpec updated) {
    List<Container> containers = new ArrayList<>();
    for (int i = 0; i < updated.containers().size(); i++) {
      Container c = updated.containers().get(i);
      containers.add(new Container(c.name(), old.containers().get(i).image(), c.ports(),
          c.readinessProbe()));
    }
    PodSpec munged = updated.withContainers(containers);
    if (old.terminationGracePeriodSeconds() < 0 && updated.terminationGracePeriodSeconds() == 1) {
      munged = munged.withTerminationGracePeriodSeconds(old.terminationGracePeriodSeconds());
    }
    return munged;
  }

  /** {@return one line per field that differs, in field order} */
  private static List<String> changes(PodSpec old, PodSpec updated) {
    List<String> lines = new ArrayList<>();
    change(lines, "spec.nodeName", old.nodeName(), updated.nodeName());
    change(lines, "spec.hostNetwork", old.hostNetwork(), updated.hostNetwork());
    for (int i = 0; i < old.containers().size(); i++) {
      Container before = old.containers().get(i);
      Container after = updated.containers().get(i);
      String path = "spec.containers[" + i + "]";
      change(lines, path + ".name", before.name(), after.name());
      change(lines, path + ".ports", before.ports(), after.ports());
      change(lines, path + ".readinessProbe", before.readinessProbe(), after.readinessProbe());
    }
    change(lines, "spec.terminationGracePeriodSeconds", old.terminationGracePeriodSeconds(),
        updated.terminationGracePeriodSeconds());
    change(lines, "spec.hostname", old.hostname(), updated.hostname());
    change(lines, "spec.subdomain", old.subdomain(), updated.subdomain());
    change(lines, "spec.restartPolicy", old.restartPolicy(), updated.restartPolicy());
    change(lines, "spec.dnsPolicy", old.dnsPolicy().toString(), updated.dnsPolicy().toString());
    change(lines, "spec.dnsConfig", old.dnsConfig(), updated.dnsConfig());
    change(lines, "spec.readinessGates", old.readinessGates(), updated.readinessGates());
    return lines;
  }

  private static void change(List<String> lines, String path, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      lines.add("  " + path + ": " + show(before) + " -> " + show(after));
    }
  }

  private static String show(Object value) {
    if (value instanceof Optional<?> optional) {
      return optional.map(PodValidation::show).orElse("null");
    }
    return FieldError.render(value);
  }
}
