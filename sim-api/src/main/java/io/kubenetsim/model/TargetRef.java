package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

/** The object an endpoint address belongs to ({@code targetRef}): usually a Pod. */
public record TargetRef(String kind, String namespace, String name, String uid) {

  public TargetRef {
    checkArgument(kind != null && namespace != null && name != null && uid != null,
        "target ref parts must not be null");
  }

  /** {@return a reference to a pod} */
  public static TargetRef to(Pod pod) {
    return new TargetRef(Pod.KIND, pod.metadata().namespace(), pod.metadata().name(),
        pod.metadata().uid());
  }

  @Override
  public String toString() {
    return kind + "/" + namespace + "/" + name;
  }
}
