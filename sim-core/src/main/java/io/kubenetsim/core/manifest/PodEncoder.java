package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.model.ContainerState;
import io.kubenetsim.model.ContainerStatus;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a Pod's {@code spec} and {@code status}: phase, conditions, {@code hostIP}/{@code
 * hostIPs}, {@code podIP}/{@code podIPs} (as {@code [{ip: …}]}), {@code startTime} and container
 * statuses with their {@code state} ({@code running.startedAt}, {@code waiting.reason}, {@code
 * terminated.exitCode}, …) and {@code lastState} ({@code {}} when none, as upstream prints it).
 */
final class PodEncoder implements KindEncoder<Pod> {

  @Override
  public Class<Pod> type() {
    return Pod.class;
  }

  @Override
  public boolean namespaced() {
    return true;
  }

  @Override
  public void encode(Pod pod, ObjectNode out) {
    out.set("spec", PodSpecEncoder.encode(pod.spec()));
    out.set("status", status(pod.status()));
  }

  private static ObjectNode status(PodStatus status) {
    ObjectNode out = TreeOut.object();
    out.put("phase", status.phase().toString());
    TreeOut.putObjects(out, "conditions", TreeOut.conditions(status.conditions()));
    TreeOut.putString(out, "hostIP", status.hostIP());
    if (!status.hostIP().isEmpty()) {
      out.putArray("hostIPs").addObject().put("ip", status.hostIP());
    }
    TreeOut.putString(out, "podIP", status.podIP());
    if (!status.podIPs().isEmpty()) {
      status.podIPs().forEach(ip -> out.withArray("podIPs").addObject().put("ip", ip));
    }
    status.startTime().ifPresent(t -> out.put("startTime", TreeOut.time(t)));
    List<ObjectNode> containers = new ArrayList<>();
    status.containerStatuses().forEach(c -> containers.add(containerStatus(c)));
    TreeOut.putObjects(out, "containerStatuses", containers);
    TreeOut.putString(out, "reason", status.reason());
    return out;
  }

  private static ObjectNode containerStatus(ContainerStatus status) {
    ObjectNode out = TreeOut.object();
    out.put("name", status.name());
    out.put("image", status.image());
    out.put("ready", status.ready());
    out.put("started", status.started());
    out.put("restartCount", status.restartCount());
    out.set("state", state(status.state()));
    out.set("lastState", status.lastState().map(PodEncoder::state).orElseGet(TreeOut::object));
    return out;
  }

  private static ObjectNode state(ContainerState state) {
    ObjectNode out = TreeOut.object();
    switch (state.kind()) {
      case WAITING -> TreeOut.putString(out.putObject("waiting"), "reason", state.reason());
      case RUNNING -> {
        ObjectNode running = out.putObject("running");
        state.startedAt().ifPresent(t -> running.put("startedAt", TreeOut.time(t)));
      }
      case TERMINATED -> {
        ObjectNode terminated = out.putObject("terminated");
        terminated.put("exitCode", state.exitCode());
        TreeOut.putString(terminated, "reason", state.reason());
        state.startedAt().ifPresent(t -> terminated.put("startedAt", TreeOut.time(t)));
        state.finishedAt().ifPresent(t -> terminated.put("finishedAt", TreeOut.time(t)));
      }
      default -> throw new AssertionError("unknown container state " + state.kind());
    }
    return out;
  }
}
