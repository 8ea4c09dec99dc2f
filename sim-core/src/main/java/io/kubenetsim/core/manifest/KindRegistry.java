package io.kubenetsim.core.manifest;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import io.kubenetsim.model.KubernetesObject;
import java.util.Optional;

/**
 * The kinds the manifest reader and writer know: decoders keyed by (apiVersion, kind), encoders
 * keyed by record class. Immutable; {@code with…} returns a new registry.
 *
 * <p>Adding a kind is one decoder class and one encoder class, registered here (in {@link
 * #defaults()} for built-in kinds):
 *
 * <pre>{@code
 * KindRegistry kinds = KindRegistry.defaults()
 *     .withDecoder(new SecretDecoder())
 *     .withEncoder(new SecretEncoder());
 * ManifestReader reader = new ManifestReader(kinds);
 * }</pre>
 */
public final class KindRegistry {
  private final ImmutableSortedMap<String, KindDecoder<?>> decoders;
  private final ImmutableMap<Class<?>, KindEncoder<?>> encoders;

  private KindRegistry(ImmutableSortedMap<String, KindDecoder<?>> decoders,
      ImmutableMap<Class<?>, KindEncoder<?>> encoders) {
    this.decoders = decoders;
    this.encoders = encoders;
  }

  /** {@return a registry with no kinds} */
  public static KindRegistry empty() {
    return new KindRegistry(ImmutableSortedMap.of(), ImmutableMap.of());
  }

  /**
   * {@return the built-in kinds: v1 Namespace, Node, Pod, Service, Endpoints, ConfigMap;
   * apps/v1 Deployment, ReplicaSet, StatefulSet; discovery.k8s.io/v1 EndpointSlice;
   * networking.k8s.io/v1 ServiceCIDR, NetworkPolicy; and kube-netsim's own
   * sim.kubenetsim.io/v1alpha1 UpstreamZone}
   */
  public static KindRegistry defaults() {
    return empty()
        .withDecoder(new NamespaceDecoder()).withEncoder(new NamespaceEncoder())
        .withDecoder(new NodeDecoder()).withEncoder(new NodeEncoder())
        .withDecoder(new PodDecoder()).withEncoder(new PodEncoder())
        .withDecoder(new DeploymentDecoder()).withEncoder(new DeploymentEncoder())
        .withDecoder(new ReplicaSetDecoder()).withEncoder(new ReplicaSetEncoder())
        .withDecoder(new StatefulSetDecoder()).withEncoder(new StatefulSetEncoder())
        .withDecoder(new ConfigMapDecoder()).withEncoder(new ConfigMapEncoder())
        .withDecoder(new ServiceDecoder()).withEncoder(new ServiceEncoder())
        .withDecoder(new EndpointSliceDecoder()).withEncoder(new EndpointSliceEncoder())
        .withDecoder(new EndpointsDecoder()).withEncoder(new EndpointsEncoder())
        .withDecoder(new ServiceCIDRDecoder()).withEncoder(new ServiceCIDREncoder())
        .withDecoder(new NetworkPolicyDecoder()).withEncoder(new NetworkPolicyEncoder())
        .withDecoder(new UpstreamZoneDecoder()).withEncoder(new UpstreamZoneEncoder());
  }

  /**
   * {@return a registry that also decodes the decoder's kind}
   *
   * @throws IllegalArgumentException if that apiVersion and kind already have a decoder
   */
  public KindRegistry withDecoder(KindDecoder<?> decoder) {
    String key = key(decoder.apiVersion(), decoder.kind());
    checkArgument(!decoders.containsKey(key), "a decoder for %s %s is already registered",
        decoder.apiVersion(), decoder.kind());
    return new KindRegistry(ImmutableSortedMap.<String, KindDecoder<?>>naturalOrder()
        .putAll(decoders).put(key, decoder).build(), encoders);
  }

  /**
   * {@return a registry that also encodes the encoder's record type}
   *
   * @throws IllegalArgumentException if that type already has an encoder
   */
  public KindRegistry withEncoder(KindEncoder<?> encoder) {
    checkArgument(!encoders.containsKey(encoder.type()), "an encoder for %s is already registered",
        encoder.type().getSimpleName());
    return new KindRegistry(decoders, ImmutableMap.<Class<?>, KindEncoder<?>>builder()
        .putAll(encoders).put(encoder.type(), encoder).buildOrThrow());
  }

  /** {@return the decoder for this apiVersion and kind, if registered} */
  public Optional<KindDecoder<?>> decoder(String apiVersion, String kind) {
    return Optional.ofNullable(decoders.get(key(apiVersion, kind)));
  }

  /** {@return the encoder for this object's class, if registered} */
  @SuppressWarnings("unchecked")
  public <T extends KubernetesObject> Optional<KindEncoder<T>> encoder(T object) {
    return Optional.ofNullable((KindEncoder<T>) encoders.get(object.getClass()));
  }

  private static String key(String apiVersion, String kind) {
    return apiVersion + " " + kind;
  }
}
