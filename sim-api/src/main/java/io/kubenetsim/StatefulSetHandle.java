package io.kubenetsim;

import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.StatefulSet;
import java.util.List;

/**
 * A live reference to one StatefulSet. Not for implementation outside io.kubenetsim.
 *
 * <pre>{@code
 * StatefulSetHandle web = c.getStatefulSet("shop/web");
 * web.pods();        // [web-0, web-1, web-2], by ordinal
 * web.setImage("nginx:1.27");
 * c.settle();        // web-2, web-1, web-0 replaced in that order, each once the last is Ready
 * }</pre>
 */
public interface StatefulSetHandle {

  /** {@return the StatefulSet's namespace and name} */
  ObjectRef ref();

  /** {@return whether the StatefulSet still exists} */
  boolean exists();

  /**
   * {@return the StatefulSet as the API holds it now}
   *
   * @throws ApiException (NotFound) once it is deleted
   */
  StatefulSet get();

  /** {@return the pods the StatefulSet owns, by ordinal ({@code web-2} before {@code web-10})} */
  List<PodHandle> pods();

  /** Sets {@code spec.replicas}, as {@code kubectl scale} does. */
  void scale(int replicas);

  /** Rolls every pod, as {@code kubectl rollout restart} does (a template annotation changes). */
  void restart();

  /** Sets the image of every container, as {@code kubectl set image} does. */
  void setImage(String image);

  /** Deletes the StatefulSet; its pods are garbage-collected. */
  void delete();
}
