package io.kubenetsim;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.ObjectRef;
import java.util.Locale;

/**
 * What an apply did, one line per object as {@code kubectl apply} prints it
 * ({@code deployment.apps/web created}, {@code pod/debug configured}, {@code … unchanged}),
 * with each object as the API server returned it after the write: server-set fields such as
 * uid, resourceVersion, creationTimestamp and allocated cluster IPs and node ports filled in.
 *
 * <pre>{@code
 * ApplyResult result = c.applyYaml(manifests);
 * result.entries().get(0).object().metadata().uid();
 * System.out.print(result);   // service/web created
 * }</pre>
 */
public record ApplyResult(ImmutableList<Entry> entries) {

  /**
   * One applied object and what happened to it.
   *
   * @param object the object as written, as the API server's response to the write holds it
   */
  public record Entry(KubernetesObject object, Action action) {

    public Entry {
      checkArgument(object != null && action != null, "entry parts must not be null");
    }

    /** {@return the reference of the applied object} */
    public ObjectRef ref() {
      return object.ref();
    }

    /** {@return kubectl's line: {@code kind[.group]/name action}} */
    @Override
    public String toString() {
      return object.nameOutput() + " " + action.name().toLowerCase(Locale.ROOT);
    }
  }

  /** What apply did to one object. */
  public enum Action {
    CREATED,
    CONFIGURED,
    UNCHANGED
  }

  public ApplyResult {
    entries = ImmutableList.copyOf(entries);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    entries.forEach(e -> out.append(e).append('\n'));
    return out.toString();
  }
}
