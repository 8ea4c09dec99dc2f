package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * One of a node's {@code status.addresses}: a type ({@code InternalIP}, {@code ExternalIP},
 * {@code Hostname}, {@code InternalDNS}, {@code ExternalDNS}) and the address.
 */
public record NodeAddress(String type, String address) {

  public static final String INTERNAL_IP = "InternalIP";
  public static final String EXTERNAL_IP = "ExternalIP";
  public static final String HOSTNAME = "Hostname";

  public NodeAddress {
    checkArgument(type != null && address != null, "type and address must not be null");
  }

  @Override
  public String toString() {
    return type + "=" + address;
  }
}
