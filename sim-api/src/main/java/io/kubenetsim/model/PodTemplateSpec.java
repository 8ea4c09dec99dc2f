package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

/** The pod template of a Deployment or ReplicaSet: labels and annotations, and a pod spec. */
public record PodTemplateSpec(ObjectMeta metadata, PodSpec spec) {

  public PodTemplateSpec {
    checkArgument(metadata != null && spec != null, "template parts must not be null");
  }

  /** {@return the template's labels} */
  public Labels labels() {
    return metadata.labels();
  }

  public PodTemplateSpec withSpec(PodSpec newSpec) {
    return new PodTemplateSpec(metadata, newSpec);
  }

  public PodTemplateSpec withMetadata(ObjectMeta newMetadata) {
    return new PodTemplateSpec(newMetadata, spec);
  }
}
