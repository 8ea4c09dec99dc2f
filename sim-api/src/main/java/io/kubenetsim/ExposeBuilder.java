package io.kubenetsim;

import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.ServiceType;
import io.kubenetsim.net.Protocol;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code kubectl expose}: makes a Service for a Deployment, ReplicaSet, Pod or Service, taking
 * the selector and (unless given) the ports from it.
 *
 * <pre>{@code
 * c.expose("shop/web").port(80).targetPort("http").type(NODE_PORT).create();
 * c.expose("pod/shop/debug").port(8080).create();
 * }</pre>
 */
public final class ExposeBuilder {

  /**
   * What to expose and how, as {@code kubectl expose}'s flags.
   *
   * @param target {@code [kind/]namespace/name}; the kind defaults to {@code deployment}
   */
  public record Options(String target, Optional<String> name, Optional<Integer> port,
      Optional<IntOrString> targetPort, Optional<Protocol> protocol, Optional<ServiceType> type,
      Optional<String> clusterIP, Optional<String> externalIP) {}

  private final String target;
  private final Function<Options, ServiceHandle> creator;
  private Optional<String> name = Optional.empty();
  private Optional<Integer> port = Optional.empty();
  private Optional<IntOrString> targetPort = Optional.empty();
  private Optional<Protocol> protocol = Optional.empty();
  private Optional<ServiceType> type = Optional.empty();
  private Optional<String> clusterIP = Optional.empty();
  private Optional<String> externalIP = Optional.empty();

  /** For {@link Cluster} implementations: {@code creator} does the exposing. */
  public ExposeBuilder(String target, Function<Options, ServiceHandle> creator) {
    this.target = target;
    this.creator = creator;
  }

  /** The Service's name ({@code --name}); default: the exposed object's name. */
  public ExposeBuilder name(String value) {
    name = Optional.of(value);
    return this;
  }

  /** The Service port ({@code --port}); default: the workload's container ports. */
  public ExposeBuilder port(int value) {
    port = Optional.of(value);
    return this;
  }

  /** The target port number ({@code --target-port}); default: the same as the port. */
  public ExposeBuilder targetPort(int value) {
    targetPort = Optional.of(IntOrString.of(value));
    return this;
  }

  /** The target container port name ({@code --target-port http}). */
  public ExposeBuilder targetPort(String value) {
    targetPort = Optional.of(IntOrString.of(value));
    return this;
  }

  public ExposeBuilder protocol(Protocol value) {
    protocol = Optional.of(value);
    return this;
  }

  public ExposeBuilder type(ServiceType value) {
    type = Optional.of(value);
    return this;
  }

  /** {@code --cluster-ip}: an address, or {@code None} for a headless Service. */
  public ExposeBuilder clusterIP(String value) {
    clusterIP = Optional.of(value);
    return this;
  }

  public ExposeBuilder externalIP(String value) {
    externalIP = Optional.of(value);
    return this;
  }

  /** {@return the options given so far} */
  public Options options() {
    return new Options(target, name, port, targetPort, protocol, type, clusterIP, externalIP);
  }

  /**
   * Creates the Service.
   *
   * @throws ApiException NotFound when the target does not exist
   * @throws IllegalArgumentException when no port can be found or the target has no selector
   */
  public ServiceHandle create() {
    return creator.apply(options());
  }
}
