package io.kubenetsim.dns;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A DNS record type (RFC 1035, 2782, 3596), with its wire code. */
public enum RecordType {
  A(1),
  NS(2),
  CNAME(5),
  SOA(6),
  PTR(12),
  MX(15),
  TXT(16),
  AAAA(28),
  SRV(33);

  private final int code;

  RecordType(int code) {
    this.code = code;
  }

  /** {@return the type's number on the wire} */
  public int code() {
    return code;
  }

  /** {@return the type named (any case), or empty} */
  public static Optional<RecordType> tryParse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String upper = name.toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.name().equals(upper)).findFirst();
  }

  /**
   * {@return the type named (any case)}
   *
   * @throws IllegalArgumentException naming the text and the types there are
   */
  public static RecordType parse(String name) {
    return tryParse(name).orElseThrow(() -> new IllegalArgumentException("\"" + name
        + "\" is not a record type; use one of " + Arrays.stream(values()).map(Enum::name)
            .collect(Collectors.joining(", "))));
  }
}
