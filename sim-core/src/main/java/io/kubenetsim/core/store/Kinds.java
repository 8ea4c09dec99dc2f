package io.kubenetsim.core.store;

import com.google.common.collect.ImmutableMap;
import io.kubenetsim.model.ConfigMap;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.Endpoints;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.ReplicaSet;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.ServiceCIDR;
import io.kubenetsim.model.StatefulSet;
import io.kubenetsim.model.UpstreamZone;
import java.util.Locale;

/** The kinds the store serves: their Java types, scope and the plural the API uses in messages. */
public final class Kinds {

  private static final ImmutableMap<Class<?>, String> KIND_OF = ImmutableMap.<Class<?>, String>
      builder()
      .put(Namespace.class, Namespace.KIND)
      .put(Node.class, Node.KIND)
      .put(Pod.class, Pod.KIND)
      .put(Deployment.class, Deployment.KIND)
      .put(ReplicaSet.class, ReplicaSet.KIND)
      .put(StatefulSet.class, StatefulSet.KIND)
      .put(ConfigMap.class, ConfigMap.KIND)
      .put(Service.class, Service.KIND)
      .put(EndpointSlice.class, EndpointSlice.KIND)
      .put(Endpoints.class, Endpoints.KIND)
      .put(ServiceCIDR.class, ServiceCIDR.KIND)
      .put(NetworkPolicy.class, NetworkPolicy.KIND)
      .put(UpstreamZone.class, UpstreamZone.KIND)
      .buildOrThrow();

  private Kinds() {}

  /**
   * {@return the kind of a model type}
   *
   * @throws IllegalArgumentException for a type the store does not serve
   */
  public static String of(Class<? extends KubernetesObject> type) {
    String kind = KIND_OF.get(type);
    if (kind == null) {
      throw new IllegalArgumentException(type.getSimpleName() + " is not a kind this cluster "
          + "serves; known kinds: " + KIND_OF.values());
    }
    return kind;
  }

  /** {@return whether objects of this kind live in a namespace} */
  public static boolean isNamespaced(String kind) {
    return !kind.equals(Namespace.KIND) && !kind.equals(Node.KIND)
        && !kind.equals(ServiceCIDR.KIND) && !kind.equals(UpstreamZone.KIND);
  }

  /** {@return the lower-case plural the API uses in messages: {@code pods}, {@code deployments.apps}} */
  public static String resource(String kind) {
    String lower = kind.toLowerCase(Locale.ROOT);
    return switch (kind) {
      case "Deployment", "ReplicaSet", "StatefulSet" -> lower + "s.apps";
      case "EndpointSlice" -> "endpointslices.discovery.k8s.io";
      case "ServiceCIDR" -> "servicecidrs.networking.k8s.io";
      case "NetworkPolicy" -> "networkpolicies.networking.k8s.io";
      case "UpstreamZone" -> "upstreamzones.sim.kubenetsim.io";
      case "Endpoints" -> "endpoints";
      default -> lower + "s";
    };
  }
}
