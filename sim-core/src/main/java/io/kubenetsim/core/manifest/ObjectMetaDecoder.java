package io.kubenetsim.core.manifest;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.OwnerReference;
import java.util.Optional;

/**
 * Decodes {@code metadata} ({@code metav1.ObjectMeta}) for every kind and for pod templates.
 *
 * <p>Fields the server sets ({@code uid}, {@code resourceVersion}, {@code generation}, {@code
 * creationTimestamp}, {@code deletionTimestamp}, {@code deletionGracePeriodSeconds}, {@code
 * selfLink}, {@code managedFields}) are accepted and dropped, so that {@code kubectl get -o
 * yaml} output can be applied again; so are {@code finalizers}, which the simulation does not
 * model. A namespaced object without a namespace gets {@code ""}: the caller substitutes the
 * apply's default namespace. Cluster-scoped objects always get {@code ""}, as kubectl clears a
 * namespace written on them.
 */
final class ObjectMetaDecoder {

  private ObjectMetaDecoder() {}

  static ObjectMeta decode(ObjectCursor meta, boolean namespaced) {
    meta.ignore("uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds", "selfLink", "managedFields", "finalizers");
    String namespace = meta.string("namespace");
    ImmutableList.Builder<OwnerReference> owners = ImmutableList.builder();
    for (ObjectCursor owner : meta.objects("ownerReferences", "v1.OwnerReference")) {
      owner.ignore("blockOwnerDeletion");
      owners.add(new OwnerReference(owner.string("apiVersion"), owner.string("kind"),
          owner.string("name"), owner.string("uid"), owner.bool("controller", false)));
    }
    return new ObjectMeta(
        meta.string("name"),
        meta.string("generateName"),
        namespaced ? namespace : "",
        "",
        0,
        0,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Labels.of(meta.stringMap("labels")),
        meta.stringMap("annotations"),
        owners.build());
  }
}
