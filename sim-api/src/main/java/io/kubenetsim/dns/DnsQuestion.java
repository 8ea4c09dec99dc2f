package io.kubenetsim.dns;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * What one query asks: a name and a record type (class IN, the only one a cluster serves).
 *
 * @param name the absolute name asked for
 * @param type the record type asked for
 */
public record DnsQuestion(DnsName name, RecordType type) {

  public DnsQuestion {
    checkArgument(name != null && type != null, "name and type must not be null");
  }

  /** {@return a question for {@code name} (made absolute) and {@code type}} */
  public static DnsQuestion of(String name, RecordType type) {
    return new DnsQuestion(DnsName.of(name), type);
  }

  @Override
  public String toString() {
    return name + " IN " + type;
  }
}
