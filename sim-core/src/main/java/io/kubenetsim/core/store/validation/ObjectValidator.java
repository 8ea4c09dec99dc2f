package io.kubenetsim.core.store.validation;

import io.kubenetsim.core.store.ObjectValidation;
import io.kubenetsim.manifest.FieldError;
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
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpFamily;
import java.util.List;

/**
 * The store's one entry point to validation: picks the kind's rules, as kube-apiserver's
 * registry picks a strategy's {@code Validate} / {@code ValidateUpdate}.
 *
 * <p>Call it after defaulting and, for updates, after copying the server-owned metadata
 * ({@code resourceVersion}, {@code generation}, timestamps) from the stored object, as
 * upstream's {@code rest.BeforeCreate} / {@code BeforeUpdate} do. The result lists every problem
 * in upstream's order; an empty list means valid. Immutable, so one instance can be shared.
 *
 * <p>Services are validated as given: this class never defaults. The store must first run
 * {@link ServiceDefaults#apply(Service, List)} on a create, or {@link
 * ServiceDefaults#applyUpdate(Service, Service, List)} on an update, with {@link
 * #serviceIpFamilies()}, and should allocate clusterIPs and node ports before validating, as
 * upstream does (see {@link ServiceValidation}).
 *
 * <pre>{@code
 * List<FieldError> errors = new ObjectValidator().validateCreate(pod);
 * if (!errors.isEmpty()) { ... reject with a 422-style ValidationException ... }
 * }</pre>
 *
 * <p>Kinds without rules are refused with an {@link
 * IllegalArgumentException}: add a branch here when their rules land.
 */
public final class ObjectValidator implements ObjectValidation {

  /** kubeadm's default service range ({@code --service-cidr}), kube-netsim's default too. */
  public static final Cidr DEFAULT_SERVICE_CIDR = Cidr.parse("10.96.0.0/12");

  private final ServiceValidation services;

  /** A validator for a single-stack cluster with the default service range 10.96.0.0/12. */
  public ObjectValidator() {
    this(List.of(DEFAULT_SERVICE_CIDR));
  }

  /**
   * A validator for a cluster with these service IP ranges.
   *
   * @param serviceCidrs primary first: one, or one IPv4 and one IPv6
   * @throws IllegalArgumentException when there are none, more than two, or two of one family
   */
  public ObjectValidator(List<Cidr> serviceCidrs) {
    this.services = new ServiceValidation(serviceCidrs);
  }

  /** {@return the cluster's service IP families, primary first, for {@link ServiceDefaults}} */
  public List<IpFamily> serviceIpFamilies() {
    return services.ipFamilies();
  }

  /** {@return every problem with an object being created} */
  @Override
  public List<FieldError> validateCreate(KubernetesObject object) {
    if (object instanceof Pod pod) {
      return PodValidation.validateCreate(pod);
    } else if (object instanceof Namespace namespace) {
      return NamespaceValidation.validateCreate(namespace);
    } else if (object instanceof Node node) {
      return NodeValidation.validateCreate(node);
    } else if (object instanceof Deployment deployment) {
      return DeploymentValidation.validateCreate(deployment);
    } else if (object instanceof ReplicaSet replicaSet) {
      return ReplicaSetValidation.validateCreate(replicaSet);
    } else if (object instanceof StatefulSet statefulSet) {
      return StatefulSetValidation.validateCreate(statefulSet);
    } else if (object instanceof ConfigMap configMap) {
      return ConfigMapValidation.validateCreate(configMap);
    } else if (object instanceof Service service) {
      return services.validateCreate(service);
    } else if (object instanceof EndpointSlice slice) {
      return EndpointSliceValidation.validateCreate(slice);
    } else if (object instanceof Endpoints endpoints) {
      return EndpointsValidation.validateCreate(endpoints);
    } else if (object instanceof ServiceCIDR serviceCidr) {
      return ServiceCIDRValidation.validateCreate(serviceCidr);
    } else if (object instanceof NetworkPolicy policy) {
      return NetworkPolicyValidation.validateCreate(policy);
    } else if (object instanceof UpstreamZone zone) {
      return UpstreamZoneValidation.validateCreate(zone);
    }
    throw unknownKind(object);
  }

  /**
   * {@return every problem with replacing {@code old} by {@code updated}}
   *
   * @throws IllegalArgumentException when the two objects are of different kinds (an update
   *     never changes the kind; look the stored object up by kind as well as name)
   */
  @Override
  public List<FieldError> validateUpdate(KubernetesObject old, KubernetesObject updated) {
    if (old.getClass() != updated.getClass()) {
      throw new IllegalArgumentException("cannot validate an update from " + old.kind() + " "
          + old.metadata().key() + " to " + updated.kind() + " " + updated.metadata().key()
          + ": an update must keep the kind");
    }
    if (updated instanceof Pod pod) {
      return PodValidation.validateUpdate((Pod) old, pod);
    } else if (updated instanceof Namespace namespace) {
      return NamespaceValidation.validateUpdate((Namespace) old, namespace);
    } else if (updated instanceof Node node) {
      return NodeValidation.validateUpdate((Node) old, node);
    } else if (updated instanceof Deployment deployment) {
      return DeploymentValidation.validateUpdate((Deployment) old, deployment);
    } else if (updated instanceof ReplicaSet replicaSet) {
      return ReplicaSetValidation.validateUpdate((ReplicaSet) old, replicaSet);
    } else if (updated instanceof StatefulSet statefulSet) {
      return StatefulSetValidation.validateUpdate((StatefulSet) old, statefulSet);
    } else if (updated instanceof ConfigMap configMap) {
      return ConfigMapValidation.validateUpdate((ConfigMap) old, configMap);
    } else if (updated instanceof Service service) {
      return services.validateUpdate((Service) old, service);
    } else if (updated instanceof EndpointSlice slice) {
      return EndpointSliceValidation.validateUpdate((EndpointSlice) old, slice);
    } else if (updated instanceof Endpoints endpoints) {
      return EndpointsValidation.validateUpdate((Endpoints) old, endpoints);
    } else if (updated instanceof ServiceCIDR serviceCidr) {
      return ServiceCIDRValidation.validateUpdate((ServiceCIDR) old, serviceCidr);
    } else if (updated instanceof NetworkPolicy policy) {
      return NetworkPolicyValidation.validateUpdate((NetworkPolicy) old, policy);
    } else if (updated instanceof UpstreamZone zone) {
      return UpstreamZoneValidation.validateUpdate((UpstreamZone) old, zone);
    }
    throw unknownKind(updated);
  }

  private static IllegalArgumentException unknownKind(KubernetesObject object) {
    return new IllegalArgumentException("no validation rules for kind " + object.kind() + " ("
        + object.getClass().getName() + "); known kinds are Pod, Namespace, Node, Deployment,"
        + " ReplicaSet, StatefulSet, ConfigMap, Service, EndpointSlice, Endpoints, ServiceCIDR,"
        + " NetworkPolicy and UpstreamZone. Add a branch to ObjectValidator when the kind's"
        + " rules exist.");
  }
}
