package io.kubenetsim.core.dns;

import com.google.common.collect.ImmutableList;

/**
 * Why a Corefile cannot run in the simulation: CoreDNS itself would refuse it ({@link Invalid},
 * with CoreDNS's own message), or it asks for something kube-netsim does not simulate ({@link
 * Unmodelled}). Either way the CoreDNS process does not start with it (or, on reload, keeps
 * its previous configuration, as the reload plugin does).
 */
public sealed interface CorefileError {

  /** {@return the Corefile line the error is on, from 1} */
  int line();

  /** {@return the error as one line} */
  String message();

  /**
   * What real CoreDNS refuses at startup or reload: a syntax error, an unknown directive, an
   * option out of range. The message is CoreDNS's: {@code plugin/kubernetes:
   * /etc/coredns/Corefile:7 - Error during parsing: ttl must be in range [0, 3600]: 5000}.
   *
   * @param line the line CoreDNS names (the directive's line when it names none)
   * @param message CoreDNS's message
   */
  record Invalid(int line, String message) implements CorefileError {}

  /**
   * A directive or option CoreDNS knows but kube-netsim does not simulate: a plugin such as
   * {@code autopath} or {@code template}, or an option such as the kubernetes plugin's {@code
   * labels}. Running the rest without it would answer differently from CoreDNS, so it is an
   * error rather than ignored.
   *
   * @param line the line it is on
   * @param plugin the plugin an option belongs to, {@code ""} for a whole directive
   * @param directive the directive (or option) name
   * @param modelled what is simulated instead: the plugins, or that plugin's options
   */
  record Unmodelled(int line, String plugin, String directive, ImmutableList<String> modelled)
      implements CorefileError {
    public Unmodelled {
      modelled = ImmutableList.copyOf(modelled);
    }

    @Override
    public String message() {
      String what = plugin.isEmpty() ? "the '" + directive + "' plugin"
          : "the " + plugin + " option '" + directive + "'";
      return "line " + line + ": kube-netsim does not simulate " + what + "; "
          + (plugin.isEmpty() ? "modelled plugins" : "modelled " + plugin + " options") + ": "
          + String.join(", ", modelled);
    }
  }
}
