package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.UpstreamZone;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates kube-netsim's {@link UpstreamZone} with the rules a cluster-scoped object's metadata
 * follows (the name a DNS-1123 subdomain); its records are typed when decoded or built, so a
 * record that got this far is well formed.
 */
public final class UpstreamZoneValidation {

  private UpstreamZoneValidation() {}

  /** {@return every problem with a zone being created} */
  public static List<FieldError> validateCreate(UpstreamZone zone) {
    return ImmutableList.copyOf(MetadataRules.validate(zone.metadata(), false,
        NameFormat.DNS1123_SUBDOMAIN, "metadata"));
  }

  /** {@return every problem with replacing {@code old} by {@code updated}} */
  public static List<FieldError> validateUpdate(UpstreamZone old, UpstreamZone updated) {
    List<FieldError> errors = new ArrayList<>(validateCreate(updated));
    errors.addAll(MetadataRules.validateUpdate(updated.metadata(), old.metadata(), "metadata"));
    return ImmutableList.copyOf(errors);
  }
}
