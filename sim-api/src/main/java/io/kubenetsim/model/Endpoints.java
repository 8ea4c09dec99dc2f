package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The legacy Endpoints object ({@code v1}, deprecated since v1.33 in favour of EndpointSlices),
 * named like its Service. The endpoints controller writes it for Services with selectors; for
 * Services without, a user may write it and the mirroring controller copies it into slices.
 */
public record Endpoints(ObjectMeta metadata, ImmutableList<EndpointSubset> subsets)
    implements KubernetesObject {

  public static final String KIND = "Endpoints";

  public Endpoints {
    checkArgument(metadata != null, "metadata must not be null");
    subsets = ImmutableList.copyOf(subsets);
  }

  /** {@return an Endpoints object with these subsets} */
  public static Endpoints of(String namespace, String name, List<EndpointSubset> subsets) {
    return new Endpoints(ObjectMeta.named(namespace, name), ImmutableList.copyOf(subsets));
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String apiVersion() {
    return "v1";
  }

  @Override
  public Endpoints withMetadata(ObjectMeta newMetadata) {
    return new Endpoints(newMetadata, subsets);
  }

  @Override
  public String toString() {
    return "Endpoints " + metadata.key() + " " + subsets;
  }
}
