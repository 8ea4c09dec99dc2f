package io.kubenetsim.net;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * An inclusive range of ports such as kube-apiserver's {@code --service-node-port-range
 * 30000-32767}. {@code toString()} prints the form {@link #parse} reads.
 */
public record PortRange(int first, int last) {

  public PortRange {
    checkArgument(first >= 1 && last <= 65535 && first <= last,
        "a port range lies within 1-65535 and starts before it ends, got %s-%s", first, last);
  }

  /**
   * Parses {@code first-last} (or a single port).
   *
   * @throws IllegalArgumentException naming the expected form
   */
  public static PortRange parse(String text) {
    try {
      int dash = text.indexOf('-');
      if (dash < 0) {
        int port = Integer.parseInt(text.strip());
        return new PortRange(port, port);
      }
      return new PortRange(Integer.parseInt(text.substring(0, dash).strip()),
          Integer.parseInt(text.substring(dash + 1).strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("\"" + text + "\" is not a port range (e.g. 30000-32767)");
    }
  }

  /** {@return how many ports the range holds} */
  public int size() {
    return last - first + 1;
  }

  /** {@return whether the port lies in the range} */
  public boolean contains(int port) {
    return port >= first && port <= last;
  }

  @Override
  public String toString() {
    return first + "-" + last;
  }
}
