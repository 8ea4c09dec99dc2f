package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/** A container of a Pod: its name, image, declared ports and optional readiness probe. */
public record Container(
    String name, String image, ImmutableList<ContainerPort> ports, Optional<Probe> readinessProbe) {

  public Container {
    checkArgument(name != null && image != null, "name and image must not be null");
    ports = ImmutableList.copyOf(ports);
    checkArgument(readinessProbe != null, "readinessProbe must not be null (use Optional.empty())");
  }

  /** {@return a container with these ports and no probe} */
  public static Container of(String name, String image, List<ContainerPort> ports) {
    return new Container(name, image, ImmutableList.copyOf(ports), Optional.empty());
  }

  public Container withPorts(List<ContainerPort> newPorts) {
    return new Container(name, image, ImmutableList.copyOf(newPorts), readinessProbe);
  }

  public Container withReadinessProbe(Probe probe) {
    return new Container(name, image, ports, Optional.of(probe));
  }

  @Override
  public String toString() {
    return name + "(" + image + (ports.isEmpty() ? "" : " " + ports) + ")";
  }
}
