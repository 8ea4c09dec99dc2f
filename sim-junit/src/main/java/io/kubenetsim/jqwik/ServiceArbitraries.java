package io.kubenetsim.jqwik;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.jqwik.ServiceDraft.PortDraft;
import io.kubenetsim.jqwik.ServiceDraft.SelectorChoice;
import io.kubenetsim.jqwik.ServiceDraft.TrafficChoice;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.Service;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Services of every kind ({@link ServiceKind}), drafted first and then made for the pods they
 * front ({@link ServiceDraft#resolve}): one or two ports (none for ExternalName) with numeric
 * or named target ports, {@code sessionAffinity: ClientIP} now and then, and both traffic
 * policies.
 *
 * <p>Simplification: no explicit {@code nodePort} or {@code clusterIP} (the API server
 * allocates them), no headless Service without ports, and no {@code externalIPs}, {@code
 * loadBalancerSourceRanges}, {@code publishNotReadyAddresses} or {@code trafficDistribution}.
 */
final class ServiceArbitraries {
  private ServiceArbitraries() {}

  /** {@return drafts of Services of the given kinds (every kind when none is given)} */
  static Arbitrary<ServiceDraft> drafts(ServiceKind... kinds) {
    Arbitrary<ServiceKind> kind = kinds.length == 0 ? Arbitraries.of(ServiceKind.class)
        : Arbitraries.of(kinds);
    return Combinators.combine(kind, NameArbitraries.dns1035Labels(63), selectorChoices(),
        portDrafts().list().ofMinSize(1).ofMaxSize(2), trafficChoices(),
        NameArbitraries.dns1123Subdomains())
        .as((k, name, selector, ports, traffic, externalName) -> new ServiceDraft(k, name,
            selector, ImmutableList.copyOf(ports), traffic, externalName));
  }

  /** {@return Services of the given kinds (every kind when none) fronting {@code target}'s pods} */
  static Arbitrary<Service> servicesFor(Deployment target, ServiceKind... kinds) {
    ServiceDraft.Target pods = new ServiceDraft.Target(target.metadata().namespace(),
        target.spec().template().labels(), target.spec().template().spec().allPorts());
    return drafts(kinds).map(draft -> draft.resolve(pods));
  }

  private static Arbitrary<SelectorChoice> selectorChoices() {
    Arbitrary<Boolean> foreign = Arbitraries.frequency(Tuple.of(8, false), Tuple.of(1, true));
    return Combinators.combine(Arbitraries.integers().between(0, 15), foreign,
        LabelArbitraries.labelKeys(), LabelArbitraries.labelNames()).as(SelectorChoice::new);
  }

  private static Arbitrary<PortDraft> portDrafts() {
    Arbitrary<Integer> ports = Arbitraries.integers().between(1, 65535)
        .filter(p -> p != ServiceDraft.KUBELET_PORT);
    return Combinators.combine(Arbitraries.integers().between(0, 7),
        Arbitraries.of(true, false), Arbitraries.frequency(Tuple.of(1, true), Tuple.of(2, false)),
        ports, NameArbitraries.portNames(), Arbitraries.of(false, true)).as(PortDraft::new);
  }

  private static Arbitrary<TrafficChoice> trafficChoices() {
    return Combinators.combine(seldom(), Arbitraries.integers().between(1, 86400),
        Arbitraries.of(false, true), seldom()).as(TrafficChoice::new);
  }

  private static Arbitrary<Boolean> seldom() {
    return Arbitraries.frequency(Tuple.of(4, false), Tuple.of(1, true));
  }
}
