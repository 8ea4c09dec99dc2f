package io.kubenetsim.core.controllers;

import io.kubenetsim.model.PodTemplateSpec;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
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
 */
public final class PodTemplateHash {
  /** The label key. */
  public static final String LABEL = "pod-template-hash";

  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

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

  /** Appends every component of a value: records field by field, collections in order. */
  private static StringBuilder dump(Object value, StringBuilder out) {
    if (value instanceof Record record) {
      out.append(record.getClass().getSimpleName()).append('{');
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        out.append(component.getName()).append('=');
        try {
          dump(component.getAccessor().invoke(record), out);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + component + " of a pod template", e);
        }
        out.append(';');
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
