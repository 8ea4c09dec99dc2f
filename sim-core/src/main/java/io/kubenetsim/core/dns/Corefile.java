package io.kubenetsim.core.dns;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.dns.CorefileLexer.Token;
import io.kubenetsim.core.dns.CorefileStructure.RawBlock;
import io.kubenetsim.core.dns.CorefileStructure.RawDirective;
import io.kubenetsim.dns.DnsName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CoreDNS's configuration file, parsed into server blocks of typed directives — the way
 * CoreDNS reads it at startup and on reload: caddy's tokenizer and block structure, server
 * block keys as {@code core/dnsserver/register.go} normalizes them, then each plugin's setup
 * in CoreDNS's plugin order (so with several errors, the first CoreDNS would report is the
 * one returned).
 *
 * <pre>{@code
 * Corefile corefile = Corefile.parse(Corefile.kubeadm("cluster.local")).orElseThrow();
 * corefile.serverBlocks().get(0).kubernetes().get().ttl();     // 30
 * Corefile.parse(".:53 {\n kubernetes {\n  ttl 5000\n }\n}").error().get().message();
 * // plugin/kubernetes: Corefile:3 - Error during parsing: ttl must be in range [0, 3600]: 5000
 * }</pre>
 *
 * @param serverBlocks the blocks, as written
 * @param text the file as given
 */
public record Corefile(ImmutableList<ServerBlock> serverBlocks, String text) {

  /** The name CoreDNS errors use for the file when none is given. */
  public static final String DEFAULT_FILE = "Corefile";

  /** Plugins CoreDNS lets a server block use once ({@code plugin.ErrOnce}). */
  private static final Set<String> ONCE = Set.of("kubernetes", "hosts", "cache");

  public Corefile {
    serverBlocks = ImmutableList.copyOf(serverBlocks);
    checkArgument(text != null, "text must not be null");
  }

  /** {@return the file parsed, errors naming it {@code Corefile}} */
  public static CorefileParse parse(String text) {
    return parse(DEFAULT_FILE, text);
  }

  /** {@return the file parsed, errors naming it {@code file} (e.g. /etc/coredns/Corefile)} */
  public static CorefileParse parse(String file, String text) {
    checkArgument(file != null && text != null, "file and text must not be null");
    try {
      List<RawBlock> raw = CorefileStructure.parse(file, text);
      List<List<ServerKey>> keys = keys(file, raw);
      Map<RawDirective, Directive> typed = setups(file, raw, keys);
      List<ServerBlock> blocks = new ArrayList<>();
      for (int i = 0; i < raw.size(); i++) {
        List<Directive> directives = raw.get(i).directives().stream().map(typed::get)
            .filter(d -> d != null).toList();
        blocks.add(new ServerBlock(ImmutableList.copyOf(keys.get(i)),
            ImmutableList.copyOf(directives), raw.get(i).keys().get(0).line()));
      }
      return CorefileParse.of(new Corefile(ImmutableList.copyOf(blocks), text));
    } catch (CorefileCursor.Failure failure) {
      return CorefileParse.failed(failure.error());
    }
  }

  /**
   * {@return kubeadm's default Corefile for a cluster domain}, the text kubeadm writes into
   * the {@code kube-system/coredns} ConfigMap ({@code CoreDNSConfigMap} in kubernetes'
   * {@code cmd/kubeadm/app/phases/addons/dns/manifests.go}); the cache block that turns caching
   * off for the cluster domain is left out when the domain is empty, as there
   */
  public static String kubeadm(String clusterDomain) {
    checkArgument(clusterDomain != null, "clusterDomain must not be null");
    String cache = clusterDomain.isEmpty() ? "    cache 30\n" : "    cache 30 {\n"
        + "       disable success " + clusterDomain + "\n"
        + "       disable denial " + clusterDomain + "\n"
        + "    }\n";
    return ".:53 {\n"
        + "    errors\n"
        + "    health {\n"
        + "       lameduck 5s\n"
        + "    }\n"
        + "    ready\n"
        + "    kubernetes " + clusterDomain + " in-addr.arpa ip6.arpa {\n"
        + "       pods insecure\n"
        + "       fallthrough in-addr.arpa ip6.arpa\n"
        + "       ttl 30\n"
        + "    }\n"
        + "    prometheus :9153\n"
        + "    forward . /etc/resolv.conf {\n"
        + "       max_concurrent 1000\n"
        + "    }\n"
        + cache
        + "    loop\n"
        + "    reload\n"
        + "    loadbalance\n"
        + "}\n";
  }

  /** {@return the blocks that listen on a port} */
  public List<ServerBlock> blocksOn(int port) {
    return serverBlocks.stream().filter(b -> b.keys().stream().anyMatch(k -> k.port() == port))
        .toList();
  }

  @Override
  public String toString() {
    return text;
  }

  /** Server block keys, as {@code InspectServerBlocks} normalizes and checks them. */
  private static List<List<ServerKey>> keys(String file, List<RawBlock> raw) {
    List<List<ServerKey>> out = new ArrayList<>();
    Set<ServerKey> seen = new HashSet<>();
    for (RawBlock block : raw) {
      List<ServerKey> keys = new ArrayList<>();
      for (Token token : block.keys()) {
        for (ServerKey key : key(file, token)) {
          if (!seen.add(key)) {
            throw new CorefileCursor.Failure(new CorefileError.Invalid(token.line(),
                "cannot serve " + key + " - it is already defined"));
          }
          keys.add(key);
        }
      }
      out.add(keys);
    }
    return out;
  }

  private static List<ServerKey> key(String file, Token token) {
    String text = token.text();
    int scheme = text.indexOf("://");
    if (scheme >= 0) {
      String transport = text.substring(0, scheme);
      if (!transport.equals("dns")) {
        throw new CorefileCursor.Failure(new CorefileError.Unmodelled(token.line(), "",
            transport + ":// server", CorefilePlugins.MODELLED));
      }
      text = text.substring(scheme + 3);
    }
    if (text.endsWith(":")) {
      throw invalid(token, "expecting data after last colon: \"" + text + "\"");
    }
    int port = ServerKey.DEFAULT_PORT;
    int colon = text.lastIndexOf(':');
    if (colon >= 0) {
      Optional<Long> number = GoNumbers.atoi(text.substring(colon + 1));
      if (number.isPresent()) {
        port = number.get().intValue();
        text = text.substring(0, colon);
      }
    }
    Optional<List<DnsName>> zones = ZoneArgs.normalize(text);
    if (zones.isEmpty()) {
      throw invalid(token, "zone is not a valid domain name: " + text);
    }
    int p = port;
    return zones.get().stream().map(z -> new ServerKey(z, p)).toList();
  }

  private static CorefileCursor.Failure invalid(Token token, String message) {
    return new CorefileCursor.Failure(new CorefileError.Invalid(token.line(), message));
  }

  /** Each directive's setup, in plugin order, block by block within a plugin. */
  private static Map<RawDirective, Directive> setups(String file, List<RawBlock> raw,
      List<List<ServerKey>> keys) {
    Map<RawDirective, Directive> out = new LinkedHashMap<>();
    for (String plugin : CorefilePlugins.ORDER) {
      for (int i = 0; i < raw.size(); i++) {
        List<RawDirective> uses = raw.get(i).directives().stream()
            .filter(d -> d.name().equals(plugin)).toList();
        if (uses.isEmpty()) {
          continue;
        }
        if (!CorefilePlugins.modelled(plugin)) {
          throw new CorefileCursor.Failure(new CorefileError.Unmodelled(uses.get(0).line(), "",
              plugin, CorefilePlugins.MODELLED));
        }
        if (uses.size() > 1 && ONCE.contains(plugin)) {
          throw new CorefileCursor.Failure(new CorefileError.Invalid(uses.get(1).line(),
              "plugin/" + plugin + ": this plugin can only be used once per Server Block"));
        }
        List<DnsName> zones = keys.get(i).stream().map(ServerKey::zone).toList();
        if (plugin.equals("rewrite")) {
          List<Token> tokens = uses.stream().flatMap(d -> d.tokens().stream()).toList();
          out.put(uses.get(0), RewriteSetup.parse(new CorefileCursor(file, plugin, tokens),
              uses.get(0).line(), uses.size()));
          continue;
        }
        for (RawDirective use : uses) {
          out.put(use, setup(plugin, new CorefileCursor(file, plugin, use.tokens()), zones));
        }
      }
    }
    return out;
  }

  private static Directive setup(String plugin, CorefileCursor c, List<DnsName> zones) {
    switch (plugin) {
      case "kubernetes":
        return KubernetesSetup.parse(c, zones);
      case "forward":
        return ForwardSetup.parse(c);
      case "hosts":
        return HostsSetup.parse(c, zones);
      default:
        return PassiveSetup.parse(plugin, c);
    }
  }
}
