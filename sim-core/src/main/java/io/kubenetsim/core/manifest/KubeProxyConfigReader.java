package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubenetsim.DetectLocalMode;
import io.kubenetsim.KubeProxyConfiguration;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.core.engine.GoDurations;
import io.kubenetsim.manifest.ManifestException;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpFamily;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Reads kube-proxy's own configuration file ({@code kind: KubeProxyConfiguration}, {@code
 * apiVersion: kubeproxy.config.k8s.io/v1alpha1}), the document kube-proxy takes with {@code
 * --config}: {@code mode} ({@code iptables}, {@code ipvs}, {@code nftables}; empty means
 * iptables, upstream's Linux default), {@code clusterCIDR} (empty or missing: no local-traffic
 * detector, as upstream's {@code getLocalDetectors} then picks the no-op detector), {@code
 * detectLocalMode} ({@code ClusterCIDR} or {@code NodeCIDR}), {@code nodePortAddresses},
 * {@code iptables.masqueradeAll}, {@code iptables.minSyncPeriod} (Go durations such as
 * {@code 1s}).
 * Fields it does not model are accepted and ignored, as they do not change how traffic moves
 * here; unknown top-level fields are errors, as kube-proxy's strict decoding makes them.
 */
public final class KubeProxyConfigReader {
  private static final String API_VERSION = "kubeproxy.config.k8s.io/v1alpha1";
  private static final List<String> KNOWN = List.of("apiVersion", "kind", "mode", "clusterCIDR",
      "nodePortAddresses", "iptables", "ipvs", "nftables", "bindAddress", "healthzBindAddress",
      "metricsBindAddress", "clientConnection", "conntrack", "featureGates", "hostnameOverride",
      "oomScoreAdj", "portRange", "detectLocalMode", "detectLocal", "logging",
      "configSyncPeriod", "enableProfiling", "showHiddenMetricsForVersion", "winkernel",
      "bindAddressHardFail");

  private KubeProxyConfigReader() {}

  /** {@return whether a document is kube-proxy's configuration rather than an API object} */
  static boolean isKubeProxyConfiguration(String apiVersion, String kind) {
    return API_VERSION.equals(apiVersion) && "KubeProxyConfiguration".equals(kind);
  }

  /**
   * Finds kube-proxy's configuration among manifest files or folders (the last one wins), so
   * that one set of manifests can configure the cluster's kube-proxies and hold its objects.
   *
   * @throws ManifestException when a file cannot be read or the configuration is invalid
   */
  public static Optional<KubeProxyConfiguration> find(Path... filesOrFolders) {
    Optional<KubeProxyConfiguration> found = Optional.empty();
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<Path> files = new ArrayList<>();
    for (Path path : filesOrFolders) {
      if (Files.isDirectory(path)) {
        files.addAll(ManifestReader.manifestFiles(path));
      } else if (Files.exists(path)) {
        files.add(path);
      }
    }
    for (Path file : files) {
      try (MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class)
          .readValues(Files.readString(file))) {
        while (documents.hasNext()) {
          JsonNode document = documents.next();
          if (document != null && isKubeProxyConfiguration(document.path("apiVersion").asText(),
              document.path("kind").asText())) {
            found = Optional.of(read(yaml.writeValueAsString(document), file.toString()));
          }
        }
      } catch (IOException | RuntimeException unreadable) {
        // Unreadable files and YAML syntax errors are reported, with their document, by
        // ManifestReader; an invalid KubeProxyConfiguration is not swallowed here:
        if (unreadable instanceof ManifestException invalid) {
          throw invalid;
        }
      }
    }
    return found;
  }

  /**
   * Reads a configuration document.
   *
   * @throws ManifestException naming the file and the field when it is not one
   */
  public static KubeProxyConfiguration read(String text, String file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (IOException e) {
      throw new ManifestException("error parsing " + file + ": " + e.getMessage());
    }
    if (root == null || !root.isObject() || !"KubeProxyConfiguration".equals(
        root.path("kind").asText()) || !API_VERSION.equals(root.path("apiVersion").asText())) {
      throw new ManifestException(file + ": expected kind KubeProxyConfiguration, apiVersion "
          + API_VERSION);
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KNOWN.contains(name)) {
        throw new ManifestException(file + ": strict decoding error: unknown field \"" + name
            + "\"");
      }
    }
    KubeProxyConfiguration config = KubeProxyConfiguration.defaults()
        .withMode(mode(root.path("mode").asText(""), file))
        .withMasqueradeAll(root.path("iptables").path("masqueradeAll").asBoolean(false))
        .withNodePortAddresses(strings(root.path("nodePortAddresses")));
    String minSync = root.path("iptables").path("minSyncPeriod").asText("");
    if (!minSync.isEmpty()) {
      config = config.withMinSyncPeriod(duration(minSync, file));
    }
    return config.withDetectLocalMode(detectLocalMode(root.path("detectLocalMode").asText(""),
        file)).withClusterCIDR(clusterCidr(root.path("clusterCIDR").asText(""), file));
  }

  /**
   * {@return the IPv4 range of {@code clusterCIDR} (a comma-separated list, one per family),
   * or {@code ""} when none is given}: an empty value is kept as upstream keeps it, meaning no
   * local-traffic detector under {@code ClusterCIDR} mode
   */
  private static String clusterCidr(String text, String file) {
    String ipv4 = "";
    for (String part : text.isEmpty() ? new String[0] : text.split(",", -1)) {
      Optional<Cidr> cidr = Cidr.tryParse(part.strip());
      if (cidr.isEmpty()) {
        throw new ManifestException(file + ": clusterCIDR: Invalid value: \"" + part.strip()
            + "\": must be a valid CIDR block (e.g. 10.100.0.0/16 or fde4:8dba:82e1::/48)");
      }
      if (ipv4.isEmpty() && cidr.get().family() == IpFamily.IPV4) {
        ipv4 = cidr.get().toString();
      }
    }
    return ipv4;
  }

  /** kube-proxy's {@code detectLocalMode}: empty means {@code ClusterCIDR}, its default. */
  private static DetectLocalMode detectLocalMode(String text, String file) {
    return switch (text) {
      case "", "ClusterCIDR" -> DetectLocalMode.CLUSTER_CIDR;
      case "NodeCIDR" -> DetectLocalMode.NODE_CIDR;
      case "BridgeInterface", "InterfaceNamePrefix" -> throw new ManifestException(file
          + ": detectLocalMode: \"" + text + "\" is valid for kube-proxy but not simulated "
          + "(it matches the interface a packet arrives on); use ClusterCIDR or NodeCIDR");
      default -> throw new ManifestException(file + ": detectLocalMode: Unsupported value: \""
          + text + "\": supported values: \"ClusterCIDR\", \"NodeCIDR\", "
          + "\"BridgeInterface\", \"InterfaceNamePrefix\"");
    };
  }

  private static ProxyMode mode(String text, String file) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "", "iptables" -> ProxyMode.IPTABLES;
      case "ipvs" -> ProxyMode.IPVS;
      case "nftables" -> ProxyMode.NFTABLES;
      default -> throw new ManifestException(file + ": mode: Unsupported value: \"" + text
          + "\": supported values: \"iptables\", \"ipvs\", \"nftables\"");
    };
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Duration duration(String text, String file) {
    return GoDurations.parse(text).orElseThrow(() -> new ManifestException(file
        + ": iptables.minSyncPeriod: invalid duration \"" + text + "\" (e.g. 1s, 500ms)"));
  }

}
