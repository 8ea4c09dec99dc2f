package io.kubenetsim.core.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.manifest.ValidationException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each bad Service from the list, applied as a manifest to a running cluster, is
 * rejected with kube-apiserver's words at the right field, and leaves every object, the event
 * log and both allocators exactly as they were. Rows: spec YAML (one line, flow style), then
 * the first expected error line.
 */
class ServiceRejectionTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      {ports: [{port: 0}]}                                  | spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive
      {ports: [{port: 65536}]}                              | spec.ports[0].port: Invalid value: 65536: must be between 1 and 65535, inclusive
      {ports: [{port: 80}, {port: 81}]}                     | spec.ports[0].name: Required value
      {ports: [{name: a, port: 80}, {name: a, port: 81}]}   | spec.ports[1].name: Duplicate value: "a"
      {type: NodePort, ports: [{port: 80, nodePort: 40000}]} | spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767
      {type: NodePort, ports: [{port: 80, nodePort: 30080}]} | spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated
      {clusterIP: 192.168.10.10, ports: [{port: 80}]}        | spec.clusterIPs: Invalid value: ["192.168.10.10"]: failed to allocate IP 192.168.10.10: the provided IP (192.168.10.10) is not in the valid range. The range of valid IPs is 10.96.0.0/12
      {clusterIP: 10.96.0.10, ports: [{port: 80}]}           | spec.clusterIPs: Invalid value: ["10.96.0.10"]: failed to allocate IP 10.96.0.10: provided IP is already allocated
      {type: ExternalName, externalName: Bad_Name.example}   | spec.externalName: Invalid value: "Bad_Name.example": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
      {type: NodePort, clusterIP: None, ports: [{port: 80}]} | spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services
      {type: LoadBalancer, loadBalancerSourceRanges: [10.0.0.0/33], ports: [{port: 80}]} | spec.LoadBalancerSourceRanges[0]: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)
      {ports: [{port: 80}], loadBalancerSourceRanges: [10.0.0.0/8]} | spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'
      """)
  void badServiceIsRejectedAndChangesNothing(String spec, String expected) {
    Cluster c = KubeSim.cluster().nodes(2).seed(11).build();
    c.createNamespace("shop");
    c.applyYaml("apiVersion: v1\nkind: Service\nmetadata: {name: taken, namespace: shop}\n"
        + "spec: {type: NodePort, ports: [{port: 80, nodePort: 30080}]}\n");
    c.settle();
    ClusterSnapshot before = ClusterSnapshot.of(c);
    ValidationException e = assertThrows(ValidationException.class, () -> c.applyYaml(
        "apiVersion: v1\nkind: Service\nmetadata: {name: bad, namespace: shop}\nspec: " + spec
            + "\n"));
    List<String> errors = e.errors().stream().map(FieldError::toString).toList();
    assertEquals(expected, errors.get(0), "all errors: " + errors);
    assertEquals(before, ClusterSnapshot.of(c), "the rejected Service changed the cluster");
  }
}
