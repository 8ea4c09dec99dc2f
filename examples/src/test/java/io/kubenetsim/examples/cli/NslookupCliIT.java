package io.kubenetsim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Cluster DNS through the built jar, as a script reads it: {@code nslookup --from shop/client
 * NAME -o json} prints the lookup's contract fields (query, type, rcode, answers with name,
 * type, TTL 30 from kubeadm's Corefile and data, the names tried in order, the kube-dns server)
 * and exits 0 when the name resolved, 1 when it did not (an unknown short name costs the three
 * search domains and the name as written: kubelet's ClusterFirst resolv.conf, ndots:5), 2 on bad
 * input; {@code probe --to dns:NAME} connects by name with the DNS query as its first hop, or
 * is {@code unresolved} (exit 1). An SRV answer reads {@code priority weight port target}
 * (kubernetes/dns {@code docs/specification.md} §2.3.2).
 */
@Execution(ExecutionMode.CONCURRENT)
class NslookupCliIT {
  private static final String SHOP = "src/test/resources/cli/dns";
  private static final String WEB = "web.shop.svc.cluster.local.";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path scratch;

  private Jar.Result kubeNetsim(String... args) {
    return Jar.run(scratch, "", args);
  }

  /** {@return {@code spec.clusterIP} of a Service, as {@code get svc -o json} prints it} */
  private String clusterIp(String namespace, String name) throws Exception {
    Jar.Result svc = kubeNetsim("-f", SHOP, "get", "svc", name, "-n", namespace, "-o", "json");
    assertEquals(0, svc.exitCode(), svc.toString());
    return JSON.readTree(svc.stdout()).at("/spec/clusterIP").asText();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void aShortNameResolvesToTheClusterIpWithItsContractFields() throws Exception {
    Jar.Result result = kubeNetsim("-f", SHOP, "nslookup", "--from", "shop/client", "web",
        "-o", "json");
    assertEquals(0, result.exitCode(), result.toString());
    JsonNode lookup = JSON.readTree(result.stdout());
    assertEquals("web", lookup.get("query").asText());
    assertEquals("A", lookup.get("type").asText());
    assertEquals("NOERROR", lookup.get("rcode").asText());
    assertEquals(1, lookup.get("answers").size(), lookup.toString());
    JsonNode answer = lookup.at("/answers/0");
    assertEquals(WEB, answer.get("name").asText());
    assertEquals("A", answer.get("type").asText());
    assertEquals(30, answer.get("ttl").asInt());
    assertEquals(clusterIp("shop", "web"), answer.get("data").asText());
    assertEquals(List.of(WEB), texts(lookup.get("tried")));
    assertEquals(clusterIp("kube-system", "kube-dns"), lookup.get("server").asText());
  }

  @Test
  void anUnknownNameIsNxdomainAfterFourQueriesAndExitsOne() throws Exception {
    Jar.Result result = kubeNetsim("-f", SHOP, "nslookup", "--from", "shop/client", "nope",
        "-o", "json");
    assertEquals(1, result.exitCode(), result.toString());
    JsonNode lookup = JSON.readTree(result.stdout());
    assertEquals("NXDOMAIN", lookup.get("rcode").asText());
    assertEquals(List.of("nope.shop.svc.cluster.local.", "nope.svc.cluster.local.",
        "nope.cluster.local.", "nope."), texts(lookup.get("tried")));
    assertEquals(0, lookup.get("answers").size());
  }

  @Test
  void anSrvAnswerReadsPriorityWeightPortTarget() throws Exception {
    Jar.Result result = kubeNetsim("-f", SHOP, "nslookup", "--from", "shop/client",
        "_http._tcp.web", "--type", "SRV", "-o", "json");
    assertEquals(0, result.exitCode(), result.toString());
    JsonNode answer = JSON.readTree(result.stdout()).at("/answers/0");
    assertEquals("_http._tcp." + WEB, answer.get("name").asText());
    assertEquals("SRV", answer.get("type").asText());
    assertEquals("0 100 80 " + WEB, answer.get("data").asText());
  }

  @Test
  void anUnknownTypeIsBadInput() {
    Jar.Result result = kubeNetsim("-f", SHOP, "nslookup", "--from", "shop/client", "web",
        "--type", "BOGUS");
    assertEquals(2, result.exitCode(), result.toString());
    assertTrue(result.stderr().startsWith("error: invalid argument \"BOGUS\" for \"--type\" "
        + "flag"), result.stderr());
    assertEquals("", result.stdout());
  }

  @Test
  void anUnknownPodIsNotFound() {
    Jar.Result result = kubeNetsim("-f", SHOP, "nslookup", "--from", "shop/nope", "web");
    assertEquals(2, result.exitCode(), result.toString());
    assertEquals("Error from server (NotFound): pods \"nope\" not found",
        result.stderr().lines().findFirst().orElse(""));
  }

  @Test
  void aProbeByNameHasTheDnsQueryAsItsFirstHop() throws Exception {
    Jar.Result result = kubeNetsim("-f", SHOP, "probe", "--from", "shop/client", "--to",
        "dns:web", "--port", "80", "-o", "json");
    assertEquals(0, result.exitCode(), result.toString());
    JsonNode probe = JSON.readTree(result.stdout());
    assertEquals("established", probe.get("verdict").asText());
    assertTrue(probe.at("/hops/0/via").asText().startsWith("DNS "), probe.toString());
    assertEquals("NOERROR", probe.at("/dns/rcode").asText());
    assertEquals(List.of(WEB), texts(probe.at("/dns/tried")));
    assertEquals(clusterIp("shop", "web") + ":80", probe.get("destination").asText());
  }

  @Test
  void aProbeToAnUnknownNameIsUnresolved() throws Exception {
    Jar.Result result = kubeNetsim("-f", SHOP, "probe", "--from", "shop/client", "--to",
        "dns:nope", "--port", "80", "-o", "json");
    assertEquals(1, result.exitCode(), result.toString());
    JsonNode probe = JSON.readTree(result.stdout());
    assertEquals("unresolved", probe.get("verdict").asText());
    assertEquals("NXDOMAIN", probe.at("/dns/rcode").asText());
    assertTrue(probe.get("backend").isNull(), probe.toString());
  }
}
