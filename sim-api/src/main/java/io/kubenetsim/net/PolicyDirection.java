package io.kubenetsim.net;

/** Which side of a connection a NetworkPolicy check looks at. */
public enum PolicyDirection {
  /** The source pod's {@code egress}: may it send this? */
  EGRESS,
  /** The destination pod's {@code ingress}: may it receive this? */
  INGRESS;

  /** {@return {@code ingress} or {@code egress}, as the API and the probe contract spell it} */
  public String apiName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
