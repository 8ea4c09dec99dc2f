package io.kubenetsim.core.proxy.iptables;

/**
 * What {@code -j} does: jump to a chain, or one of the built-in targets kube-proxy uses
 * ({@code DNAT}, {@code MARK}, {@code MASQUERADE}, {@code ACCEPT}, {@code DROP}, {@code REJECT},
 * {@code RETURN}), with the target's own options.
 *
 * @param name the chain or target name
 * @param options the words after the name ({@code ""} when none)
 */
public record Target(String name, String options) {

  /** {@return a jump to a chain or an option-less target} */
  public static Target of(String name) {
    return new Target(name, "");
  }

  /** {@return the words {@code -j NAME [options]}} */
  public String text() {
    return "-j " + name + (options.isEmpty() ? "" : " " + options);
  }

  /** {@return whether the target ends the packet's walk through the table} */
  public boolean terminal() {
    return switch (name) {
      case "ACCEPT", "DROP", "REJECT", "DNAT", "MASQUERADE" -> true;
      default -> false;
    };
  }
}
