package io.kubenetsim.core.proxy;

import com.google.common.hash.Hashing;
import com.google.common.io.BaseEncoding;
import java.nio.charset.StandardCharsets;

/**
 * The hash kube-proxy puts in chain names in every mode: the first characters of the standard
 * base32 encoding of the SHA-256 of a name (16 for iptables chains, 8 for nftables chains).
 */
public final class ChainHash {
  private ChainHash() {}

  /** {@return the first {@code length} base32 characters of sha256(text)} */
  public static String of(String text, int length) {
    byte[] digest = Hashing.sha256().hashString(text, StandardCharsets.UTF_8).asBytes();
    return BaseEncoding.base32().encode(digest).substring(0, length);
  }
}
