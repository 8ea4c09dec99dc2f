package io.kubenetsim.net;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.net.HostAndPort;
import java.util.Comparator;
import java.util.Optional;

/**
 * An address and a port: where a backend listens, where a hop sends a packet. Text appears only
 * at the edges: {@link #parse} reads {@code 10.244.1.5:8080} or {@code [fd00::5]:8080}, and
 * {@code toString()} prints the same form back, as Go's {@code net.JoinHostPort} does (which is
 * also the text kube-proxy sorts endpoints by).
 *
 * <pre>{@code
 * HostPort backend = HostPort.of(IpAddress.parse("10.244.1.5"), 8080);
 * backend.toString();                                // "10.244.1.5:8080"
 * HostPort.parse("[fd00::5]:53").ip().family();      // IPV6
 * }</pre>
 *
 * @param ip the address
 * @param port 1 to 65535
 */
public record HostPort(IpAddress ip, int port) {

  /**
   * Orders as kube-proxy orders endpoints: by the text form, so {@code 10.0.0.10:80} comes
   * before {@code 10.0.0.2:80} (upstream sorts {@code Endpoint.String()}).
   */
  public static final Comparator<HostPort> BY_TEXT = Comparator.comparing(HostPort::toString);

  public HostPort {
    checkArgument(ip != null, "ip must not be null");
    checkArgument(port >= 1 && port <= 65535, "port %s: must be between 1 and 65535, inclusive",
        port);
  }

  /** {@return the address and port} */
  public static HostPort of(IpAddress ip, int port) {
    return new HostPort(ip, port);
  }

  /**
   * Parses {@code ip:port}, with IPv6 addresses in brackets.
   *
   * @throws IllegalArgumentException naming the text when it is not of that form; use {@link
   *     #tryParse} to test first
   */
  public static HostPort parse(String text) {
    return tryParse(text).orElseThrow(() -> new IllegalArgumentException("\"" + text
        + "\" is not an address and port (e.g. 10.244.1.5:8080 or [fd00::5]:8080)"));
  }

  /** {@return the address and port, or empty when the text is not {@code ip:port}} */
  public static Optional<HostPort> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    HostAndPort parts;
    try {
      parts = HostAndPort.fromString(text);
    } catch (IllegalArgumentException notHostAndPort) {
      return Optional.empty();
    }
    boolean bracketed = text.startsWith("[");
    Optional<IpAddress> ip = IpAddress.tryParse(parts.getHost())
        .filter(a -> bracketed == (a.family() == IpFamily.IPV6));
    if (ip.isEmpty() || !parts.hasPort() || parts.getPort() < 1) {
      return Optional.empty();
    }
    return Optional.of(new HostPort(ip.get(), parts.getPort()));
  }

  @Override
  public String toString() {
    return ip.family() == IpFamily.IPV6 ? "[" + ip + "]:" + port : ip + ":" + port;
  }
}
