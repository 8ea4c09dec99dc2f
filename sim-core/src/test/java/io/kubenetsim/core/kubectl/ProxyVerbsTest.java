package io.kubenetsim.core.kubectl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubenetsim.CloudProvider;
import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.KubectlResult;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.model.ServiceType;
import io.kubenetsim.net.HostPort;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code probe} and {@code trace} against a real cluster (three nodes, a web Deployment of
 * three behind a NodePort Service, a LoadBalancer and a Service without endpoints): the probe JSON contract field by field and type by type, every
 * SRC and DST form, exit codes, and bad input.
 */
class ProxyVerbsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> CONTRACT = List.of("from", "to", "port", "protocol",
      "allowed", "verdict", "backend", "backendPod", "candidates", "masquerade",
      "sourceSeenByBackend", "reason", "hops");

  private Cluster c;
  private ServiceHandle web;
  private ServiceHandle lb;
  private String clientIp;

  static Cluster shop(ProxyMode mode) {
    Cluster c = KubeSim.cluster().nodes(3).seed(5).proxyMode(mode).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(3).label("app", "web").containerPort("http", 8080)
        .create();
    c.pod("shop/client").label("app", "client").containerPort(9000).create();
    c.expose("shop/web").port(80).targetPort("http").type(ServiceType.NODE_PORT).create();
    c.service("shop/front").selector("app", "web").port("http", 80, "http")
        .type(ServiceType.LOAD_BALANCER).create();
    c.service("shop/none").selector("app", "nothing").port(80).create();
    c.settle();
    return c;
  }

  @BeforeEach
  void setUp() {
    c = shop(ProxyMode.IPVS);
    web = c.getService("shop/web");
    lb = c.getService("shop/front");
    clientIp = c.getPod("shop/client").ip().orElseThrow();
  }

  private JsonNode json(KubectlResult result) throws Exception {
    return JSON.readTree(result.stdout());
  }

  /** Every contract field, in order, with its JSON type; hops are objects of four strings. */
  static void assertContract(JsonNode probe) {
    List<String> names = new ArrayList<>();
    probe.fieldNames().forEachRemaining(names::add);
    assertEquals(CONTRACT, names.subList(0, CONTRACT.size()), "contract fields in order");
    assertTrue(probe.get("from").isTextual());
    assertTrue(probe.get("to").isTextual());
    assertTrue(probe.get("port").isInt(), "port is a number");
    assertTrue(probe.get("protocol").isTextual());
    assertTrue(probe.get("allowed").isBoolean());
    assertTrue(Set.of("established", "rejected", "refused", "timed_out", "dropped_by_policy",
        "untouched", "unreachable")
        .contains(probe.get("verdict").asText()), probe.toString());
    assertEquals(probe.get("allowed").asBoolean(),
        probe.get("verdict").asText().equals("established"));
    assertTrue(probe.get("backend").isTextual() || probe.get("backend").isNull());
    assertTrue(probe.get("backendPod").isTextual() || probe.get("backendPod").isNull());
    assertTrue(probe.get("candidates").isArray());
    probe.get("candidates").forEach(x -> assertTrue(x.asText().matches("[0-9.]+:\\d+"),
        "candidate ip:port: " + x));
    assertTrue(probe.get("masquerade").isBoolean());
    assertTrue(probe.get("sourceSeenByBackend").isTextual());
    assertTrue(probe.get("reason").isTextual());
    assertTrue(probe.get("hops").isArray());
    for (JsonNode hop : probe.get("hops")) {
      List<String> keys = new ArrayList<>();
      hop.fieldNames().forEachRemaining(keys::add);
      assertEquals(List.of("from", "to", "node", "via"), keys, hop.toString());
      hop.forEach(v -> assertTrue(v.isTextual(), hop.toString()));
    }
  }

  // ---- probe: contract --------------------------------------------------------------------

  @Test
  void probeFromAPodToAServiceHasEveryContractFieldAndAllCandidates() throws Exception {
    KubectlResult r = c.kubectlResult(
        "probe --from shop/client --to svc/shop/web --port 80 -o json");
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("", r.stderr());
    JsonNode p = json(r);
    assertContract(p);
    assertEquals("shop/client", p.get("from").asText());
    assertEquals("svc/shop/web", p.get("to").asText());
    assertEquals(80, p.get("port").asInt());
    assertEquals("TCP", p.get("protocol").asText());
    assertTrue(p.get("allowed").asBoolean());
    assertEquals("established", p.get("verdict").asText());
    List<HostPort> candidates = new ArrayList<>();
    p.get("candidates").forEach(x -> candidates.add(HostPort.parse(x.asText())));
    assertEquals(web.endpoints(), candidates, "all three ready backends");
    assertTrue(candidates.contains(HostPort.parse(p.get("backend").asText())));
    assertTrue(p.get("backendPod").asText().startsWith("shop/web-"), p.toString());
    assertFalse(p.get("masquerade").asBoolean());
    assertEquals(clientIp, p.get("sourceSeenByBackend").asText());
    assertFalse(p.get("hops").isEmpty());
    assertEquals(web.clusterIP() + ":80", p.get("destination").asText());
    assertTrue(r.stdout().startsWith("{\n    \"from\": \"shop/client\",\n"),
        "pretty-printed like kubectl: " + r.stdout());
  }

  @Test
  void probePrintsOneLineWithoutJson() {
    KubectlResult r = c.kubectlResult("probe --from shop/client --to svc/shop/web --port 80");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.stdout().matches("ESTABLISHED 10\\.244\\.\\d+\\.\\d+:8080 \\(shop/web-[^)]+\\) "
        + "source " + clientIp.replace(".", "\\.") + "\n"), r.stdout());
  }

  @Test
  void aRejectedProbeExitsOneWithItsJsonOnStdout() throws Exception {
    KubectlResult r = c.kubectlResult(
        "probe --from shop/client --to svc/shop/none --port 80 -o json");
    assertEquals(1, r.exitCode(), r.toString());
    JsonNode p = json(r);
    assertContract(p);
    assertFalse(p.get("allowed").asBoolean());
    assertEquals("rejected", p.get("verdict").asText());
    assertTrue(p.get("backend").isNull());
    assertTrue(p.get("backendPod").isNull());
    assertEquals(0, p.get("candidates").size());
    assertTrue(r.stderr().startsWith("error: connection rejected"), r.stderr());
    assertEquals(r, KubectlResults.applyJsonErrorRule(
        List.of("probe", "-o", "json"), r), "the shell keeps the probe's own JSON");
  }

  @Test
  void aRefusedProbeSaysRefused() throws Exception {
    String podIp = c.pods("shop", "app=web").get(0).ip().orElseThrow();
    KubectlResult r = c.kubectlResult("probe --from shop/client --to " + podIp
        + " --port 9999 -o json");
    assertEquals(1, r.exitCode(), r.toString());
    assertEquals("refused", json(r).get("verdict").asText());
    KubectlResult line = c.kubectlResult("probe --from shop/client --to " + podIp + " --port 9999");
    assertTrue(line.stdout().startsWith("REFUSED " + podIp + ":9999"), line.stdout());
  }

  @Test
  void probesDoNotDisturbRoundRobin() throws Exception {
    // A probe traces no second packet: three probes over three backends reach all three.
    Set<HostPort> backends = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      backends.add(HostPort.parse(json(c.kubectlResult(
          "probe --from shop/client --to svc/shop/web --port 80 -o json")).get("backend")
          .asText()));
    }
    assertEquals(Set.copyOf(web.endpoints()), backends);
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void everyProxyModeAnswersTheContract(ProxyMode mode) throws Exception {
    Cluster cluster = shop(mode);
    JsonNode p = JSON.readTree(cluster.kubectlResult(
        "probe --from shop/client --to svc/shop/web --port 80 -o json").stdout());
    assertContract(p);
    assertEquals("established", p.get("verdict").asText());
    assertEquals(3, p.get("candidates").size(), p.toString());
  }

  // ---- probe: every SRC and DST form ------------------------------------------------------

  @Test
  void probeFromANode() throws Exception {
    KubectlResult r = c.kubectlResult(
        "probe --from node/node-1 --to svc/shop/web --port 80 -o json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode p = json(r);
    assertContract(p);
    assertEquals("node/node-1", p.get("from").asText());
    assertEquals(3, p.get("candidates").size());
  }

  @Test
  void probeFromOutsideThroughTheLoadBalancerIsMasqueraded() throws Exception {
    KubectlResult r = c.kubectlResult(
        "probe --from external:203.0.113.9 --to lb/shop/front --port 80"
        + " -o json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode p = json(r);
    assertContract(p);
    assertTrue(p.get("masquerade").asBoolean(), "Cluster policy SNATs: " + p);
    assertFalse(p.get("sourceSeenByBackend").asText().equals("203.0.113.9"));
    assertEquals(lb.loadBalancerIngress().get(0) + ":80", p.get("destination").asText());
    assertEquals(3, p.get("hops").size(), "LB, NodePort, backend: " + p);
  }

  @Test
  void probeFromOutsideEnteringAtAChosenNodesNodePort() throws Exception {
    KubectlResult r = c.kubectlResult("probe --from external:203.0.113.9 --to node/node-2 --port "
        + web.nodePort(80) + " --node node-2 -o json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode p = json(r);
    assertContract(p);
    assertEquals("node-2", p.get("hops").get(0).get("node").asText(), p.toString());
    assertEquals("node-2", p.get("node").asText());
  }

  @Test
  void probeFromAnIpTracesTheNodesRules() throws Exception {
    KubectlResult r = c.kubectlResult("probe --from ip:10.244.1.77 --to " + web.clusterIP()
        + " --port 80 --node node-1 -o json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode p = json(r);
    assertContract(p);
    assertEquals("DNAT", p.get("outcome").asText());
    assertEquals(3, p.get("candidates").size());
    assertEquals("10.244.1.77", p.get("sourceSeenByBackend").asText());
    assertTrue(p.get("rulesEvaluated").isInt());
    KubectlResult none = c.kubectlResult("probe --from ip:10.244.1.77 --to svc/shop/none --port 80 "
        + "--node node-1 -o json");
    assertEquals(1, none.exitCode(), none.toString());
    assertEquals("rejected", json(none).get("verdict").asText());
  }

  @Test
  void probeToAPodByNameAndByIp() throws Exception {
    String pod = c.pods("shop", "app=web").get(0).name();
    String ip = c.getPod("shop/" + pod).ip().orElseThrow();
    JsonNode byName = json(c.kubectlResult("probe --from shop/client --to shop/" + pod
        + " --port 8080 -o json"));
    assertContract(byName);
    assertEquals(ip + ":8080", byName.get("backend").asText());
    assertEquals("shop/" + pod, byName.get("backendPod").asText());
    assertEquals(List.of(ip + ":8080"), List.of(byName.get("candidates").get(0).asText()));
    JsonNode byIp = json(c.kubectlResult("probe --from shop/client --to " + ip + " --port 8080 "
        + "-o json"));
    assertEquals("shop/" + pod, byIp.get("backendPod").asText());
    JsonNode bare = json(c.kubectlResult("probe -n shop --from client --to " + pod
        + " --port 8080 -o json"));
    assertEquals("established", bare.get("verdict").asText(), "-n names the namespace");
  }

  @Test
  void probeToAClusterIpLiteralAndUdpProtocolFlag() throws Exception {
    JsonNode p = json(c.kubectlResult("probe --from shop/client --to " + web.clusterIP()
        + " --port 80 --protocol TCP -o json"));
    assertEquals("established", p.get("verdict").asText());
    KubectlResult udp = c.kubectlResult("probe --from shop/client --to " + web.clusterIP()
        + " --port 80 --protocol UDP -o json");
    assertEquals("UDP", json(udp).get("protocol").asText());
    assertFalse(json(udp).get("allowed").asBoolean(), "no UDP port 80: " + udp.stdout());
    assertEquals(1, udp.exitCode());
  }

  // ---- probe: errors ----------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {
      "probe --from pod:shop/client --to svc/shop/web --port 80",
      "probe --from shop/client/x --to svc/shop/web --port 80",
      "probe --from shop/client --to svc/shop/web",
      "probe --from shop/client --to svc/shop/web --port http",
      "probe --from shop/client --to svc/shop/web --port 70000",
      "probe --from shop/client --port 80",
      "probe --to svc/shop/web --port 80",
      "probe --from shop/client --to svc/shop/web --port 80 --protocol ICMP",
      "probe --from shop/client --to svc/shop/web --port 80 --node node-9",
      "probe --from node/node-9 --to svc/shop/web --port 80",
      "probe --from shop/client --to node/node-9 --port 30080",
      "probe --from shop/client --to lb/shop/web --port 80",
      "probe --from external:not-an-ip --to lb/shop/front --port 80",
      "probe --from ip:10.244.1.7 --to svc/shop/web --port 80",
      "probe --from shop/client --to weird:thing --port 80",
      "probe --from shop/client --to svc/shop/web --port 80 -o yaml",
      "probe --from shop/client --to svc/shop/web --port 80 extra",
      "probe --from shop/client --to svc/shop/web --port 80 --colour",
      "trace --from pod:shop/client --to svc/shop/web --port 80",
      "trace --from shop/client --to svc/shop/web",
  })
  void badInputExitsTwoWithAMessage(String line) {
    KubectlResult r = c.kubectlResult(line);
    assertEquals(2, r.exitCode(), line + ": " + r);
    assertTrue(r.stderr().startsWith("error: ") || r.stderr().startsWith("Error from server ("),
        "an error line starts as kubectl's do: " + r.stderr());
    assertEquals("", r.stdout());
  }

  @Test
  void unknownSourceFormNamesTheForms() {
    KubectlResult r = c.kubectlResult("probe --from pod:shop/client --to svc/shop/web --port 80");
    assertTrue(r.stderr().contains("ns/pod, node/NAME, external:IP or ip:IP"), r.stderr());
    KubectlResult node = c.kubectlResult("probe --from node/node-9 --to svc/shop/web --port 80");
    assertEquals("Error from server (NotFound): nodes \"node-9\" not found\n", node.stderr());
    KubectlResult port = c.kubectlResult("probe --from shop/client --to svc/shop/web");
    assertTrue(port.stderr().contains("--port is required"), port.stderr());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "probe --from shop/ghost --to svc/shop/web --port 80",
      "probe --from shop/client --to svc/shop/ghost --port 80",
      "probe --from shop/client --to shop/ghost --port 80",
  })
  void missingObjectsAreBadInputAndExitTwoWithKubectlsNotFound(String line) {
    // An unknown name is a typo, not a verdict: exit 2, kubectl's NotFound line.
    KubectlResult r = c.kubectlResult(line);
    assertEquals(2, r.exitCode(), line + ": " + r);
    assertTrue(r.stderr().matches("Error from server \\(NotFound\\): (pods|services) "
        + "\"ghost\" not found\n"), r.stderr());
  }

  @Test
  void aSourceWithoutAnAddressFailsTheCheckInsteadOfCrashing() {
    // A pod that has not started has no IP to send from: like a destination without an
    // address yet, the connection cannot be made (exit 1), and the shell goes on.
    Cluster empty = KubeSim.cluster().nodes(0).build();
    empty.pod("default/p").containerPort(80).create();
    empty.settle();
    KubectlResult r = empty.kubectlResult("probe --from default/p --to 10.0.0.1 --port 80");
    assertEquals(1, r.exitCode(), r.toString());
    assertEquals("error: pod default/p has no IP yet (phase Pending): it cannot open a "
        + "connection\n", r.stderr());
  }

  @Test
  void aServiceThatIsNoLoadBalancerIsBadInputButAPendingOneFailsTheCheck() {
    // lb/ names a Service of another type: a typo-class mistake (2). A LoadBalancer still
    // <pending> has no address yet, so the connection cannot be made: a failed check (1).
    KubectlResult notLb = c.kubectlResult("probe --from shop/client --to lb/shop/web --port 80");
    assertEquals(2, notLb.exitCode(), notLb.toString());
    assertTrue(notLb.stderr().contains("not LoadBalancer"), notLb.stderr());

    Cluster noCloud = KubeSim.cluster().nodes(1).cloudProvider(CloudProvider.NONE).build();
    noCloud.createNamespace("shop");
    noCloud.pod("shop/client").containerPort(9000).create();
    noCloud.service("shop/front").port(80).type(ServiceType.LOAD_BALANCER).create();
    noCloud.settle();
    KubectlResult pending = noCloud.kubectlResult(
        "probe --from shop/client --to lb/shop/front --port 80");
    assertEquals(1, pending.exitCode(), pending.toString());
    assertTrue(pending.stderr().contains("no LoadBalancer IP yet (ingress <pending>)"),
        pending.stderr());
  }

  // ---- trace ------------------------------------------------------------------------------

  @Test
  void traceExplainsTheHopsForPeople() {
    KubectlResult r = c.kubectlResult(
        "trace --from external:203.0.113.9 --to lb/shop/front --port 80");
    assertEquals(0, r.exitCode(), r.toString());
    String out = r.stdout();
    assertTrue(out.startsWith("probe external:203.0.113.9 -> lb/shop/front ("), out);
    assertTrue(out.contains("\n  1. " + lb.loadBalancerIngress().get(0) + ":80 -> "),
        "numbered hops: " + out);
    assertTrue(out.contains("\n  3. "), out);
    assertTrue(out.contains("cloud load balancer"), out);
    assertTrue(out.contains("verdict: ESTABLISHED (allowed)"), out);
    assertTrue(out.contains("(masqueraded)"), out);
    assertTrue(out.contains("candidates: 10.244."), out);
  }

  @Test
  void traceOfARejectedPacketStillSucceedsAndSaysWhy() {
    KubectlResult r = c.kubectlResult("trace --from shop/client --to svc/shop/none --port 80");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.stdout().contains("verdict: REJECTED (not allowed)"), r.stdout());
    assertTrue(r.stdout().contains("reason: "), r.stdout());
  }

  @Test
  void traceFromAnIpListsTheMatchedRules() {
    KubectlResult r = c.kubectlResult("trace --from ip:10.244.1.77 --to svc/shop/web --port 80 "
        + "--node node-1");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.stdout().contains("matched: "), r.stdout());
    assertTrue(r.stdout().contains("rules evaluated"), r.stdout());
  }
}
