package io.kubenetsim.core.dns;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.dns.DnsName;
import io.kubenetsim.net.IpAddress;

/**
 * One plugin line of a server block, typed by plugin. The plugins that shape answers have their
 * own records; the rest are {@link Passive}.
 */
public sealed interface Directive {

  /** {@return the directive's name, as written} */
  String name();

  /** {@return the line the directive starts on} */
  int line();

  /**
   * A plugin that does not change answers in the simulation: {@code errors}, {@code health},
   * {@code ready}, {@code prometheus}, {@code log}, {@code loop}, {@code reload}, {@code cache}
   * and {@code loadbalance}.
   *
   * <p>Simplification: {@code cache} stores nothing — every question is answered afresh, so a
   * change reaches clients as soon as the zone has it (kubeadm's Corefile disables the cache
   * for the cluster zone anyway; forwarded answers are not cached either). {@code loadbalance}
   * keeps the order the answering plugin produced (sorted, deterministic) where CoreDNS
   * shuffles A and AAAA records at random per reply. {@code loop} never finds a loop, {@code
   * reload} is the integrator's to act on, and {@code health}/{@code ready} answer no DNS.
   *
   * @param arguments the directive's tokens after its name
   */
  record Passive(String name, int line, ImmutableList<String> arguments) implements Directive {
    public Passive {
      arguments = ImmutableList.copyOf(arguments);
    }
  }

  /** The kubernetes plugin and its options. */
  record Kubernetes(int line, KubernetesOptions options) implements Directive {
    @Override
    public String name() {
      return "kubernetes";
    }
  }

  /**
   * {@code forward FROM TO... { except NAMES... }}: questions in {@code from} (and not under an
   * {@code except} name) go to the {@link Upstream}.
   *
   * <p>Simplification: every forward sends to the server's one {@link Upstream}, whatever its
   * {@code to} addresses; policy, health checks and the other tuning options have no effect.
   *
   * @param from the zone forwarded
   * @param to the destinations ({@code /etc/resolv.conf}, {@code 8.8.8.8:53}), parsed
   * @param except the names not forwarded
   */
  record Forward(int line, DnsName from, ImmutableList<ForwardTarget> to,
      ImmutableList<DnsName> except)
      implements Directive {
    public Forward {
      to = ImmutableList.copyOf(to);
      except = ImmutableList.copyOf(except);
    }

    @Override
    public String name() {
      return "forward";
    }
  }

  /**
   * {@code hosts [FILE [ZONES...]] { ADDRESS NAME... ; ttl ; no_reverse ; fallthrough }}:
   * inline host entries.
   *
   * <p>Simplification: the hosts file itself is not read (the simulated CoreDNS container has
   * none worth reading); only inline entries answer.
   *
   * @param entries the inline entries, in order
   * @param zones the zones the plugin answers names in
   * @param ttl seconds, 3600 by default
   * @param reverse whether the addresses answer PTR ({@code no_reverse} turns it off)
   * @param fallthrough the zones where a miss goes to the next plugin
   */
  record Hosts(int line, ImmutableList<HostsEntry> entries, ImmutableList<DnsName> zones,
      long ttl, boolean reverse, ImmutableList<DnsName> fallthrough) implements Directive {
    public Hosts {
      entries = ImmutableList.copyOf(entries);
      zones = ImmutableList.copyOf(zones);
      fallthrough = ImmutableList.copyOf(fallthrough);
    }

    @Override
    public String name() {
      return "hosts";
    }
  }

  /** One hosts line: an address and its names. */
  record HostsEntry(IpAddress address, ImmutableList<DnsName> names) {
    public HostsEntry {
      names = ImmutableList.copyOf(names);
      checkArgument(!names.isEmpty(), "a hosts entry needs a name");
    }
  }

  /** The rewrite plugin's name rules, in order. */
  record Rewrite(int line, ImmutableList<RewriteRule> rules) implements Directive {
    public Rewrite {
      rules = ImmutableList.copyOf(rules);
    }

    @Override
    public String name() {
      return "rewrite";
    }
  }
}
