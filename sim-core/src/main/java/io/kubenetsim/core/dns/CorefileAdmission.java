package io.kubenetsim.core.dns;

import io.kubenetsim.core.store.WriteStrategy;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.manifest.InvalidObject;
import io.kubenetsim.manifest.ValidationException;
import io.kubenetsim.model.ConfigMap;
import io.kubenetsim.model.KubernetesObject;
import java.util.List;

/**
 * kube-netsim's own check on writes of the {@code kube-system/coredns} ConfigMap: a Corefile
 * that asks for a plugin or option the simulation does not model is refused, naming the line,
 * the directive and what is modelled, so nobody mistakes the simulation's answers for what
 * CoreDNS would give with that directive. The API server itself accepts any ConfigMap; this
 * check is the simulation's, and says so.
 *
 * <p>A Corefile CoreDNS itself would refuse (a syntax error, {@code ttl 5000}) is accepted, as
 * the API server accepts it: {@link CoreDnsFleet} then does what CoreDNS does with it (the
 * reload fails and the old configuration stays).
 *
 * <pre>{@code
 * store.registerStrategy(ConfigMap.KIND, new CorefileAdmission());
 * }</pre>
 */
public final class CorefileAdmission implements WriteStrategy {
  /** The rule name in errors: not an API server rule, kube-netsim's. */
  static final String RULE = "kube-netsim.corefile.modelled";

  @Override
  public Prepared prepareCreate(KubernetesObject object) {
    check((ConfigMap) object);
    return Prepared.of(object);
  }

  @Override
  public Prepared prepareUpdate(KubernetesObject stored, KubernetesObject updated) {
    check((ConfigMap) updated);
    return Prepared.of(updated);
  }

  @Override
  public void deleted(KubernetesObject object) {}

  private static void check(ConfigMap map) {
    if (!map.metadata().key().equals(CoreDnsFleet.CONFIG_MAP.key())) {
      return;
    }
    String text = map.data().get(CoreDnsFleet.COREFILE_KEY);
    if (text == null) {
      return;
    }
    Corefile.parse(text).error()
        .filter(e -> e instanceof CorefileError.Unmodelled)
        .ifPresent(e -> {
          throw ValidationException.of(InvalidObject.of(ConfigMap.KIND,
              map.metadata().namespace(), map.metadata().name(), List.of(FieldError.invalid(
                  "data[" + CoreDnsFleet.COREFILE_KEY + "]", "<Corefile>", e.message()
                      + " (kube-netsim refuses it rather than answer as CoreDNS would not)",
                  RULE))));
        });
  }
}
