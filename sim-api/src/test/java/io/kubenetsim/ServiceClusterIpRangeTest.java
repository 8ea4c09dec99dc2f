package io.kubenetsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpFamily;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --service-cluster-ip-range} as kube-apiserver checks it ({@code validateClusterIPFlags}
 * in {@code cmd/kube-apiserver/app/options/validation.go}, the entry-count check of {@code
 * getServiceIPAndRanges}): one range, or two of different families with the primary first.
 */
class ServiceClusterIpRangeTest {

  @Test
  void twoRangesOfDifferentFamiliesKeepTheirOrder() {
    ClusterConfig v6First = KubeSim.cluster()
        .serviceClusterIpRange("fd00:10:96::/112", "10.96.0.0/12").config();
    assertEquals(List.of(Cidr.parse("fd00:10:96::/112"), Cidr.parse("10.96.0.0/12")),
        v6First.serviceCidrs());
    assertEquals(IpFamily.IPV6, v6First.serviceCidrs().get(0).family());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // ranges (comma-separated) | kube-apiserver's complaint
      "10.96.0.0/12,172.20.0.0/16 | --service-cluster-ip-range[0] and "
          + "--service-cluster-ip-range[1] must be of different IP family, got "
          + "[10.96.0.0/12, 172.20.0.0/16]",
      "fd00:1::/112,fd00:2::/112 | --service-cluster-ip-range[0] and "
          + "--service-cluster-ip-range[1] must be of different IP family, got "
          + "[fd00:1::/112, fd00:2::/112]",
      "10.96.0.0/12,fd00:10:96::/112,172.20.0.0/16 | --service-cluster-ip-range must not "
          + "contain more than two entries, got [10.96.0.0/12, fd00:10:96::/112, "
          + "172.20.0.0/16]",
  })
  void refusedAsKubeApiserverRefusesTheFlag(String ranges, String message) {
    ClusterBuilder builder = KubeSim.cluster().serviceClusterIpRange(ranges.split(","));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::config);
    assertEquals(message, e.getMessage());
  }

  @Test
  void noRangeAtAllIsRefused() {
    ClusterBuilder builder = KubeSim.cluster().serviceClusterIpRange();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::config);
    assertEquals("--service-cluster-ip-range must contain at least one valid cidr",
        e.getMessage());
  }
}
