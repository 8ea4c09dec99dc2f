package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Points from a dependent object to its owner, as {@code metadata.ownerReferences} does: a
 * ReplicaSet to its Deployment, a Pod to its ReplicaSet.
 *
 * @param controller whether the owner is the managing controller
 */
public record OwnerReference(
    String apiVersion, String kind, String name, String uid, boolean controller) {

  public OwnerReference {
    checkArgument(apiVersion != null && kind != null && name != null && uid != null,
        "owner reference parts must not be null");
  }

  @Override
  public String toString() {
    return kind + "/" + name;
  }
}
