package io.kubenetsim.core.proxy.iptables;

import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.util.Locale;

/**
 * One match of an iptables rule, rendered as kube-proxy writes it in {@code proxier.go}
 * ({@code syncProxyRules}): the order of matches in a {@link Rule} is the order of the words on
 * the line. Each variant knows its text; {@link IptablesTracer} knows how each one tests a packet.
 */
public sealed interface Match {

  /** {@return the words of this match as {@code iptables-save} prints them} */
  String text();

  /** {@code -m comment --comment X}, quoted when the comment has a space, as upstream writes. */
  record Comment(String comment) implements Match {
    @Override
    public String text() {
      return "-m comment --comment " + (comment.contains(" ") ? "\"" + comment + "\"" : comment);
    }
  }

  /** {@code -m tcp -p tcp}: kube-proxy always loads the protocol's match module too. */
  record ProtocolMatch(Protocol protocol) implements Match {
    @Override
    public String text() {
      String name = protocol.name().toLowerCase(Locale.ROOT);
      return "-m " + name + " -p " + name;
    }
  }

  /** {@code [!] -s X}; {@code text} is the address as upstream prints it (no {@code /32}). */
  record Source(Cidr cidr, String address, boolean negated) implements Match {
    @Override
    public String text() {
      return (negated ? "! " : "") + "-s " + address;
    }
  }

  /** {@code [!] -d X}. */
  record Destination(Cidr cidr, String address, boolean negated) implements Match {
    @Override
    public String text() {
      return (negated ? "! " : "") + "-d " + address;
    }
  }

  /** {@code --dport N}. */
  record DestinationPort(int port) implements Match {
    @Override
    public String text() {
      return "--dport " + port;
    }
  }

  /** {@code -m addrtype --src-type LOCAL} or {@code --dst-type LOCAL}. */
  record AddressTypeLocal(boolean source) implements Match {
    @Override
    public String text() {
      return "-m addrtype " + (source ? "--src-type" : "--dst-type") + " LOCAL";
    }
  }

  /**
   * {@code -m statistic --mode random --probability p} with p = 1/{@code remaining} printed
   * {@code %0.10f} (upstream {@code computeProbability}).
   */
  record Statistic(int remaining) implements Match {
    @Override
    public String text() {
      return "-m statistic --mode random --probability "
          + String.format(Locale.ROOT, "%.10f", 1.0 / remaining);
    }
  }

  /** {@code -m recent --name N --rcheck --seconds T --reap}: was this client sent to N lately? */
  record RecentCheck(String name, Duration timeout) implements Match {
    @Override
    public String text() {
      return "-m recent --name " + name + " --rcheck --seconds " + timeout.toSeconds()
          + " --reap";
    }
  }

  /** {@code -m recent --name N --set}: remember this client (always matches). */
  record RecentSet(String name) implements Match {
    @Override
    public String text() {
      return "-m recent --name " + name + " --set";
    }
  }

  /**
   * Matches on kernel state the simulator does not model for first packets ({@code -m mark},
   * {@code -m conntrack}); like upstream's tracer, they never match.
   */
  record KernelState(String words) implements Match {
    @Override
    public String text() {
      return words;
    }
  }
}
