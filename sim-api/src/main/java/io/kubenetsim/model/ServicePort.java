package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import io.kubenetsim.net.Protocol;

/**
 * One port of a Service: what clients dial ({@code port}), where it goes on the pods ({@code
 * targetPort}, a number or a container port name), and the node port when the type has one
 * (0 = unset, allocated by the API server).
 *
 * @param name required when the Service has several ports; {@code ""} when unset
 * @param appProtocol a hint such as {@code http}, {@code ""} when unset
 */
public record ServicePort(
    String name, Protocol protocol, String appProtocol, int port, IntOrString targetPort,
    int nodePort) {

  public ServicePort {
    checkArgument(name != null && protocol != null && appProtocol != null && targetPort != null,
        "service port parts must not be null");
  }

  /** {@return an unnamed TCP port whose targetPort equals the port} */
  public static ServicePort of(int port) {
    return new ServicePort("", Protocol.TCP, "", port, IntOrString.of(port), 0);
  }

  /** {@return a named TCP port to a target port number or name} */
  public static ServicePort of(String name, int port, IntOrString targetPort) {
    return new ServicePort(name, Protocol.TCP, "", port, targetPort, 0);
  }

  public ServicePort withNodePort(int newNodePort) {
    return new ServicePort(name, protocol, appProtocol, port, targetPort, newNodePort);
  }

  public ServicePort withTargetPort(IntOrString newTargetPort) {
    return new ServicePort(name, protocol, appProtocol, port, newTargetPort, nodePort);
  }

  @Override
  public String toString() {
    return (name.isEmpty() ? "" : name + ":") + port + (nodePort > 0 ? ":" + nodePort : "")
        + "/" + protocol + "->" + targetPort;
  }
}
