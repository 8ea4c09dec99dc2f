package io.kubenetsim.core.manifest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/**
 * Decodes standard base64 as Go's {@code base64.StdEncoding.Decode} does, which is how Go's JSON
 * decoder reads a {@code []byte} field such as a ConfigMap's {@code binaryData}: padding
 * required, {@code \r} and {@code \n} skipped, bits after the last byte ignored. A bad input is
 * reported as Go reports it, by the offset its {@code CorruptInputError} carries ({@code illegal
 * base64 data at input byte 8}), which Java's decoder cannot tell.
 *
 * <pre>{@code
 * GoBase64.decode("AAEC").bytes();          // {0, 1, 2}
 * GoBase64.decode("AAE").errorOffset();     // OptionalInt[0]: a quantum without padding
 * }</pre>
 */
final class GoBase64 {
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private GoBase64() {}

  /** The bytes decoded, or the offset of the first corrupt input byte. */
  record Result(byte[] bytes, OptionalInt errorOffset) {

    /** {@return Go's error text, {@code illegal base64 data at input byte N}} */
    String message() {
      return "illegal base64 data at input byte " + errorOffset.orElseThrow();
    }
  }

  /** {@return the text's bytes, or where Go's decoder would stop} */
  static Result decode(String text) {
    byte[] src = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int si = 0;
    while (si < src.length) {
      int[] quantum = new int[4];
      int length = 4;
      int j = 0;
      OptionalInt error = OptionalInt.empty();
      for (; j < 4; j++) {
        if (si == src.length) {
          if (j == 0) {
            return new Result(out.toByteArray(), OptionalInt.empty());
          }
          return corrupt(si - j); // StdEncoding pads, so a short last quantum is corrupt.
        }
        byte in = src[si++];
        int value = in < 0 ? -1 : ALPHABET.indexOf(in);
        if (value >= 0) {
          quantum[j] = value;
          continue;
        }
        if (in == '\n' || in == '\r') {
          j--;
          continue;
        }
        if (in != '=' || j < 2) {
          return corrupt(si - 1);
        }
        if (j == 2) { // "==" is expected; the first '=' is consumed.
          si = skipNewlines(src, si);
          if (si == src.length) {
            return corrupt(src.length);
          }
          if (src[si] != '=') {
            return corrupt(si - 1);
          }
          si++;
        }
        si = skipNewlines(src, si);
        if (si < src.length) {
          error = OptionalInt.of(si); // Trailing garbage after the padding.
        }
        length = j;
        break;
      }
      int bits = quantum[0] << 18 | quantum[1] << 12 | quantum[2] << 6 | quantum[3];
      for (int k = 0; k < length - 1; k++) {
        out.write(bits >> (16 - 8 * k) & 0xff);
      }
      if (error.isPresent()) {
        return new Result(out.toByteArray(), error);
      }
    }
    return new Result(out.toByteArray(), OptionalInt.empty());
  }

  private static Result corrupt(int offset) {
    return new Result(new byte[0], OptionalInt.of(offset));
  }

  private static int skipNewlines(byte[] src, int si) {
    while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
      si++;
    }
    return si;
  }
}
