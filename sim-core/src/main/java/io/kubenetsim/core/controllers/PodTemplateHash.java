package io.kubenetsim.core.controllers;

import io.kubenetsim.model.PodTemplateSpec;
import java.nio.charset.StandardCharsets;

/**
 * The {@code pod-template-hash} a Deployment stamps on its ReplicaSets and pods: an FNV-32a
 * hash of the template, written as its decimal digits mapped onto the alphabet upstream's
 * {@code rand.SafeEncodeString} uses (no vowels, no look-alike characters), so names read like
 * {@code web-5fd8c7b964}.
 *
 * <p>Simplification: upstream hashes Go's dump of the template struct; this hashes the
 * template record's text form. The hash is stable for equal templates and changes when the
 * template changes, which is what the names and rollouts depend on.
 */
public final class PodTemplateHash {
  /** The label key. */
  public static final String LABEL = "pod-template-hash";

  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private PodTemplateHash() {}

  /** {@return the hash of a template (which must not carry the hash label itself)} */
  public static String of(PodTemplateSpec template) {
    int hash = 0x811c9dc5;
    for (byte b : template.toString().getBytes(StandardCharsets.UTF_8)) {
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
}
