package io.kubenetsim.core.dns;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;

/**
 * The outcome of reading a Corefile: the configuration, or why CoreDNS (or the simulation)
 * cannot run it. A simulated CoreDNS pod given a Corefile with an error does not start — or,
 * on reload, keeps its running configuration — as the real one does.
 *
 * <pre>{@code
 * CorefileParse parse = Corefile.parse(text);
 * if (!parse.ok()) {
 *   parse.error().get().message();   // plugin/kubernetes: Corefile:7 - Error during parsing: ...
 * }
 * }</pre>
 *
 * @param corefile the configuration, when it parsed
 * @param error the first error found, as CoreDNS stops at its first
 */
public record CorefileParse(Optional<Corefile> corefile, Optional<CorefileError> error) {

  public CorefileParse {
    checkArgument(corefile.isPresent() != error.isPresent(),
        "a parse has a Corefile or an error, not both");
  }

  static CorefileParse of(Corefile corefile) {
    return new CorefileParse(Optional.of(corefile), Optional.empty());
  }

  static CorefileParse failed(CorefileError error) {
    return new CorefileParse(Optional.empty(), Optional.of(error));
  }

  /** {@return whether the Corefile parsed} */
  public boolean ok() {
    return corefile.isPresent();
  }

  /**
   * {@return the Corefile}
   *
   * @throws IllegalArgumentException with the error's message when it did not parse; check
   *     {@link #ok} first
   */
  public Corefile orElseThrow() {
    return corefile.orElseThrow(() -> new IllegalArgumentException(error.get().message()));
  }
}
