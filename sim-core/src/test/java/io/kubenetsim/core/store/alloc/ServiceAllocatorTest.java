package io.kubenetsim.core.store.alloc;

import io.kubenetsim.core.store.validation.ServiceDefaults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubenetsim.ApiException;
import io.kubenetsim.core.store.WriteStrategy;
import io.kubenetsim.manifest.ValidationException;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.PortRange;
import io.kubenetsim.net.Protocol;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The allocation transaction of a Service write, as upstream's {@code metaTransaction}: a
 * failed create gives back everything it took (counts unchanged), a failed update frees
 * nothing the stored Service holds, and a successful update frees the old values only at
 * commit (a revert instead leaves the old ones held and the new ones free).
 */
class ServiceAllocatorTest {
  private ServiceAllocator allocator;

  @BeforeEach
  void allocatorOverASlash24() {
    ClusterIpAllocator ips = new ClusterIpAllocator(new SeededRandom(1));
    ips.addRange(Cidr.parse("10.96.0.0/24"));
    allocator = new ServiceAllocator(ips, new NodePortAllocator(new PortRange(30000, 32767),
        new SeededRandom(2)));
  }

  private static Service nodePort(String name, int... nodePorts) {
    Service s = Service.of("shop", name, Map.of("app", "web"));
    List<ServicePort> ports = new java.util.ArrayList<>();
    for (int i = 0; i < nodePorts.length; i++) {
      ports.add(new ServicePort("p" + i, Protocol.TCP, "", 80 + i, IntOrString.of(8080 + i),
          nodePorts[i]));
    }
    return ServiceDefaults.apply(s.withSpec(s.spec().with(b -> {
      b.type = "NodePort";
      b.ports = ports;
      return b;
    })));
  }

  private int ips() {
    return allocator.clusterIps().allocatedCount();
  }

  private int ports() {
    return allocator.nodePorts().allocatedCount();
  }

  @Test
  void aCreateFailingOnItsSecondNodePortGivesBackItsIpAndFirstPort() {
    allocator.nodePorts().allocate(30200);
    ValidationException e = assertThrows(ValidationException.class,
        () -> allocator.allocateCreate(nodePort("web", 30100, 30200)));
    assertEquals("spec.ports[1].nodePort", e.errors().get(0).path());
    assertEquals(0, ips(), "the automatic ClusterIP was reverted");
    assertEquals(1, ports(), "only the pre-existing 30200 remains");
    assertEquals(Optional.empty(), allocator.nodePorts().allocate(30100), "30100 is free");
  }

  @Test
  void aCreateFailingOnAFullNodePortRangeGivesBackItsIp() {
    ServiceAllocator tiny = new ServiceAllocator(allocator.clusterIps(),
        new NodePortAllocator(new PortRange(30000, 30000), new SeededRandom(3)));
    tiny.nodePorts().allocate(30000);
    ApiException e = assertThrows(ApiException.class,
        () -> tiny.allocateCreate(nodePort("web", 0)));
    assertEquals("failed to allocate a nodePort: range is full", e.getMessage());
    assertEquals(0, tiny.clusterIps().allocatedCount());
  }

  @Test
  void aFailedUpdateReleasesNothing() {
    WriteStrategy.Prepared created = allocator.allocateCreate(nodePort("web", 30100));
    created.commit().run();
    Service stored = (Service) created.object();
    allocator.nodePorts().allocate(30200);
    Service wantsTaken = nodePort("web", 30200).withSpec(nodePort("web", 30200).spec()
        .with(b -> {
          b.clusterIP = stored.spec().clusterIP();
          b.clusterIPs = stored.spec().clusterIPs();
          return b;
        }));
    int ipsBefore = ips();
    int portsBefore = ports();
    assertThrows(ValidationException.class, () -> allocator.allocateUpdate(stored, wantsTaken));
    assertEquals(ipsBefore, ips());
    assertEquals(portsBefore, ports());
    assertEquals(Optional.of("provided port is already allocated"),
        allocator.nodePorts().allocate(30100), "the stored Service still holds 30100");
    assertEquals(Optional.of("provided IP is already allocated"), allocator.clusterIps()
        .allocate(IpAddress.parse(stored.spec().clusterIP())));
  }

  @Test
  void anUpdateFreesTheOldPortOnlyAtCommit() {
    WriteStrategy.Prepared created = allocator.allocateCreate(nodePort("web", 30100));
    created.commit().run();
    Service stored = (Service) created.object();
    Service moved = stored.withSpec(stored.spec().with(b -> {
      b.ports = List.of(b.ports.get(0).withNodePort(30300));
      return b;
    }));

    WriteStrategy.Prepared reverted = allocator.allocateUpdate(stored, moved);
    assertEquals(2, ports(), "both held while the write is staged");
    reverted.revert().run();
    assertEquals(1, ports());
    assertEquals(Optional.of("provided port is already allocated"),
        allocator.nodePorts().allocate(30100));

    WriteStrategy.Prepared committed = allocator.allocateUpdate(stored, moved);
    committed.commit().run();
    assertEquals(1, ports());
    assertEquals(Optional.empty(), allocator.nodePorts().allocate(30100), "30100 freed");
  }

  @Test
  void deleteReleasesTheIpAndEveryNodePort() {
    WriteStrategy.Prepared created = allocator.allocateCreate(nodePort("web", 30100, 0));
    created.commit().run();
    assertEquals(1, ips());
    assertEquals(2, ports());
    allocator.release((Service) created.object());
    assertEquals(0, ips());
    assertEquals(0, ports());
  }
}
