package io.kubenetsim.jqwik;

import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.Service;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of Kubernetes names, labels, selectors, workloads, Services, NetworkPolicies
 * and whole clusters, for property tests of code that runs on kube-netsim. Every generated
 * object passes the simulator's apiserver-style validation; objects generated together refer to
 * each other (a Service selects generated pods and targets ports they declare). Values are
 * built from jqwik combinators only, so a failing property shrinks to a small counterexample,
 * and a cluster prints as the YAML that reproduces it ({@link ClusterManifests}).
 *
 * <pre>{@code
 * class MyRoutingProperties {
 *   @Property(tries = 20)
 *   void everyClientReachesEveryServiceWithEndpoints(@ForAll("clusters") ClusterManifests m) {
 *     Cluster c = m.withoutPolicies().build(1, 2, ProxyMode.IPTABLES);
 *     ...
 *   }
 *
 *   @Provide
 *   Arbitrary<ClusterManifests> clusters() {
 *     return KubeArbitraries.clusters();
 *   }
 * }
 * }</pre>
 *
 * <p>Experimental: may change. Names follow the formats of reference §1.1; labels and
 * selectors §1.2–1.3; Services §3; NetworkPolicies §6.
 */
public final class KubeArbitraries {
  private KubeArbitraries() {}

  // ---- names ----

  /** {@return DNS-1123 labels (1–63 of {@code a-z0-9-}, alphanumeric ends)} */
  public static Arbitrary<String> dns1123Labels() {
    return NameArbitraries.dns1123Labels(63);
  }

  /** {@return DNS-1123 subdomains: dot-joined labels, at most 253 characters} */
  public static Arbitrary<String> dns1123Subdomains() {
    return NameArbitraries.dns1123Subdomains();
  }

  /** {@return Service names: DNS-1035 labels, which start with a letter} */
  public static Arbitrary<String> serviceNames() {
    return NameArbitraries.dns1035Labels(63);
  }

  /** {@return namespace names: DNS-1123 labels other than the four built-in namespaces} */
  public static Arbitrary<String> namespaceNames() {
    return NameArbitraries.namespaceNames();
  }

  /** {@return container port names, as named targetPorts refer to them: IANA service names} */
  public static Arbitrary<String> portNames() {
    return NameArbitraries.portNames();
  }

  /** {@return names a pod's resolver accepts, relative or absolute, any letter case} */
  public static Arbitrary<String> dnsNames() {
    return NameArbitraries.dnsNames();
  }

  /**
   * {@return names a resolver must refuse: empty or over-long labels, over-long, bad characters}
   */
  public static Arbitrary<String> invalidDnsNames() {
    return NameArbitraries.invalidDnsNames();
  }

  // ---- labels and selectors ----

  /** {@return label keys, plain or {@code prefix/name}} */
  public static Arbitrary<String> labelKeys() {
    return LabelArbitraries.labelKeys();
  }

  /** {@return label values, empty now and then} */
  public static Arbitrary<String> labelValues() {
    return LabelArbitraries.labelValues();
  }

  /** {@return label sets of up to four labels} */
  public static Arbitrary<Labels> labels() {
    return LabelArbitraries.labels(4);
  }

  /**
   * {@return selectors with {@code matchLabels} and {@code matchExpressions} (In, NotIn,
   * Exists, DoesNotExist) over random keys and values} For validation and matching tests; use
   * {@link #labelSelectorsFor} for selectors about given objects.
   */
  public static Arbitrary<LabelSelector> labelSelectors() {
    return LabelArbitraries.labelSelectors();
  }

  /**
   * {@return selectors about these label sets, which may or may not match each of them}: every
   * requirement names a key and value found in the sets (or, now and then, one found in none);
   * a selector without requirements is {@code {}} and matches all
   */
  public static Arbitrary<LabelSelector> labelSelectorsFor(List<Labels> labelSets) {
    LabelPool pool = LabelPool.of(labelSets);
    return SelectorDraft.drafts(0, 3).map(draft -> draft.resolve(pool));
  }

  // ---- workloads ----

  /** {@return lists of 0–3 container ports (TCP mostly), names and numbers unique} */
  public static Arbitrary<List<ContainerPort>> containerPorts() {
    return WorkloadArbitraries.containerPorts();
  }

  /**
   * {@return Deployments in {@code namespace}: 0–3 replicas, pods labelled {@code app=<name>}
   * plus up to two random labels, one container declaring 0–3 ports}
   */
  public static Arbitrary<Deployment> deployments(String namespace) {
    return WorkloadArbitraries.deployments(namespace);
  }

  // ---- Services ----

  /**
   * {@return Services of these kinds (every kind when none is given) that select {@code
   * target}'s pods, with target ports the pods declare, by number or name}
   */
  public static Arbitrary<Service> services(Deployment target, ServiceKind... kinds) {
    return ServiceArbitraries.servicesFor(target, kinds);
  }

  /**
   * {@return Services of these kinds (every kind when none) in {@code namespace}, about pods
   * that need not exist: random selectors and target ports}
   */
  public static Arbitrary<Service> services(String namespace, ServiceKind... kinds) {
    return Combinators.combine(LabelArbitraries.labels(3), containerPorts(),
        ServiceArbitraries.drafts(kinds)).as((labels, ports, draft) -> draft.resolve(
            new ServiceDraft.Target(namespace, labels, ports)));
  }

  // ---- NetworkPolicies ----

  /** {@return NetworkPolicies in {@code namespace} about no particular pods} */
  public static Arbitrary<NetworkPolicy> networkPolicies(String namespace) {
    return PolicyArbitraries.policies(namespace);
  }

  /**
   * {@return NetworkPolicies for {@code cluster}: in one of its namespaces, selecting by the
   * labels its pods and namespaces carry, naming the ports its pods declare}
   */
  public static Arbitrary<NetworkPolicy> networkPolicies(ClusterManifests cluster) {
    PolicyDraft.Context context = ClusterArbitraries.policyContext(cluster);
    return PolicyArbitraries.drafts().map(draft -> draft.resolve(context));
  }

  // ---- clusters ----

  /** {@return whole clusters of {@link ClusterShape#defaults()} size, as manifests} */
  public static Arbitrary<ClusterManifests> clusters() {
    return clusters(ClusterShape.defaults());
  }

  /** {@return whole clusters no bigger than {@code shape}, as manifests} */
  public static Arbitrary<ClusterManifests> clusters(ClusterShape shape) {
    return ClusterArbitraries.clusters(shape);
  }
}
