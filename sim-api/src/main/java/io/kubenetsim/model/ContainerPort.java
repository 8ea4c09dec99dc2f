package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import io.kubenetsim.net.Protocol;

/**
 * A port a container listens on: {@code containerPort}, an optional IANA-style {@code name}
 * ({@code ""} when unset), the protocol and an optional {@code hostPort} (0 when unset).
 */
public record ContainerPort(String name, int containerPort, Protocol protocol, int hostPort) {

  public ContainerPort {
    checkArgument(name != null, "name must not be null (use \"\" for unnamed)");
    checkArgument(protocol != null, "protocol must not be null");
  }

  /** {@return an unnamed TCP port} */
  public static ContainerPort of(int port) {
    return new ContainerPort("", port, Protocol.TCP, 0);
  }

  /** {@return a named TCP port} */
  public static ContainerPort of(String name, int port) {
    return new ContainerPort(name, port, Protocol.TCP, 0);
  }

  @Override
  public String toString() {
    return (name.isEmpty() ? "" : name + ":") + containerPort + "/" + protocol;
  }
}
