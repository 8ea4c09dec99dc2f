package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * An immutable run of bytes, such as a value of a ConfigMap's {@code binaryData}; equal to
 * another with the same bytes. The API writes it as standard base64 ({@link #toBase64()}).
 *
 * <pre>{@code
 * ByteString blob = ByteString.of(new byte[] {0, 1, 2});
 * blob.size();       // 3
 * blob.toBase64();   // "AAEC"
 * }</pre>
 */
public final class ByteString {
  private static final ByteString EMPTY = new ByteString(new byte[0]);

  private final byte[] bytes;

  private ByteString(byte[] bytes) {
    this.bytes = bytes;
  }

  /** {@return a copy of these bytes} */
  public static ByteString of(byte[] bytes) {
    checkArgument(bytes != null, "bytes must not be null");
    return bytes.length == 0 ? EMPTY : new ByteString(bytes.clone());
  }

  /** {@return the UTF-8 bytes of a text} */
  public static ByteString utf8(String text) {
    checkArgument(text != null, "text must not be null");
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@return how many bytes there are} */
  public int size() {
    return bytes.length;
  }

  /** {@return a copy of the bytes} */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** {@return the bytes in standard base64 with padding, as Go's JSON encoder writes []byte} */
  public String toBase64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ByteString that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return bytes.length + (bytes.length == 1 ? " byte" : " bytes");
  }
}
