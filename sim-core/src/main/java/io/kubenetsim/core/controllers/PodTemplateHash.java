package io.kubenetsim.core.controllers;

import com.google.common.collect.ImmutableSet;
import io.kubenetsim.model.PodTemplateSpec;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code pod-template-hash} a Deployment stamps on its ReplicaSets and pods: an FNV-32a
 * hash of the template, written as its decimal digits mapped onto the alphabet upstream's
 * {@code rand.SafeEncodeString} uses (no vowels, no look-alike characters), so names read like
 * {@code web-5fd8c7b964}.
 *
 * <p>Like upstream, which hashes Go's dump of the whole template struct, this hashes a dump of
 * every component of the template record, recursively (labels, annotations, containers with
 * their probes and ports, …) — not the records' {@code toString()}, which leaves parts out. The
 * hash is stable for equal templates and changes whenever the template changes, which is what
 * the names and rollouts ({@code kubectl rollout restart} changes only an annotation) depend
 * on. Simplification: the digits differ from upstream's for the same template.
 *
 * <p>Components the model gained after this hash was first defined ({@link #LATER_COMPONENTS}:
 * {@code PodSpec.readinessGates}, {@code PodSpec.dnsConfig}) are dumped only when they are not
 * empty, so a template that does not use them keeps the hash, and its pods their names, from
 * before they were modelled. ({@code dnsPolicy} became an enum whose dump is the same text.)
 */
public final class PodTemplateHash {
  /** The label key. */
  public static final String LABEL = "pod-template-hash";

  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  /** Record components left out of the dump while they are empty (collections, optionals). */
  private static final ImmutableSet<String> LATER_COMPONENTS =
      ImmutableSet.of("readinessGates", "dnsConfig");

  private PodTemplateHash() {}

  /** {@return the hash of a template (which must not carry the hash label itself)} */
  public static String of(PodTemplateSpec template) {
    int hash = 0x811c9dc5;
    for (byte b : dump(template, new StringBuilder()).toString()
        .getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    String digits = Integer.toUnsignedString(hash);
    StringBuilder out = new StringBuilder();
    for (char c : digits.toCharArray()) {
      out.append(ALPHABET.charAt(c % ALPHABET.length()));
    }
    return out.toString();
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component + " of a pod template", e);
    }
  }

  private static boolean isEmpty(Object part) {
    return (part instanceof Collection<?> items && items.isEmpty())
        || (part instanceof Optional<?> optional && optional.isEmpty());
  }

  /** Appends every component of a value: records field by field, collections in order. */
  private static StringBuilder dump(Object value, StringBuilder out) {
    if (value instanceof Record record) {
      out.append(record.getClass().getSimpleName()).append('{');
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        Object part = read(component, record);
        if (LATER_COMPONENTS.contains(component.getName()) && isEmpty(part)) {
          continue;
        }
        dump(part, out.append(component.getName()).append('=')).append(';');
      }
      return out.append('}');
    }
    if (value instanceof Map<?, ?> map) { // sorted maps in the model: a stable order
      out.append('{');
      map.forEach((k, v) -> dump(v, dump(k, out).append('=')).append(';'));
      return out.append('}');
    }
    if (value instanceof Iterable<?> items) {
      out.append('[');
      items.forEach(item -> dump(item, out).append(';'));
      return out.append(']');
    }
    if (value instanceof Optional<?> optional) {
      return optional.isPresent() ? dump(optional.get(), out.append("Some(")).append(')')
          : out.append("None");
    }
    return out.append(value);
  }
}
