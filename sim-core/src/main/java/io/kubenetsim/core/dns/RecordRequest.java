package io.kubenetsim.core.dns;

/**
 * A question name split into the parts of the cluster's naming schema, as upstream's {@code
 * parseRequest} ({@code plugin/kubernetes/parse.go}) splits it, right to left below the zone:
 * {@code [_port._proto. | endpoint.] service.namespace.(svc|pod).zone}. Labels are lower case
 * and the {@code _} of port and protocol labels is stripped.
 *
 * <ul>
 *   <li>The zone itself, {@code svc.<zone>} and {@code pod.<zone>}: {@link #kind} {@code ""},
 *       an existing name without records (NODATA).
 *   <li>A rightmost label other than {@code svc} or {@code pod}, or more than two labels left of
 *       the service: {@link #invalid} (NXDOMAIN; upstream's {@code errInvalidRequest}).
 * </ul>
 *
 * <p>Simplification: the {@code zonal} option's {@code <zone>.pin|prefer._zone.} names and
 * multicluster names are not parsed; they are too long and so NXDOMAIN, as with the option off.
 *
 * @param port the SRV port name, {@code ""} when absent
 * @param protocol the SRV protocol, {@code ""} when absent
 * @param endpoint the endpoint label, {@code ""} when absent
 * @param service the service name (for pods, the dashed address), {@code ""} when absent
 * @param namespace the namespace, {@code ""} when absent
 * @param kind {@code svc}, {@code pod}, or {@code ""} for the apex names
 * @param invalid whether the name cannot be a cluster name
 */
record RecordRequest(String port, String protocol, String endpoint, String service,
    String namespace, String kind, boolean invalid) {

  static final String SVC = "svc";
  static final String POD = "pod";

  private static final RecordRequest APEX = new RecordRequest("", "", "", "", "", "", false);
  private static final RecordRequest INVALID = new RecordRequest("", "", "", "", "", "", true);

  /**
   * {@return the parts of {@code key}, a lower-case absolute name, below a zone whose text
   * (with its dot) is the last {@code zoneLength} characters of it}
   */
  static RecordRequest parse(String key, int zoneLength) {
    // The part left of the zone, without the dot joining them; the root zone has no such dot.
    int end = key.length() - zoneLength - (zoneLength == 1 ? 0 : 1);
    if (end <= 0) {
      return APEX;
    }
    int kindStart = key.lastIndexOf('.', end - 1) + 1;
    boolean svc = isLabel(key, kindStart, end, SVC);
    if (!svc && !isLabel(key, kindStart, end, POD)) {
      return INVALID;
    }
    String kind = svc ? SVC : POD;
    if (kindStart == 0) {
      return APEX;
    }
    int namespaceEnd = kindStart - 1;
    int namespaceStart = key.lastIndexOf('.', namespaceEnd - 1) + 1;
    String namespace = key.substring(namespaceStart, namespaceEnd);
    if (namespaceStart == 0) {
      return new RecordRequest("", "", "", "", namespace, kind, false);
    }
    int serviceEnd = namespaceStart - 1;
    int serviceStart = key.lastIndexOf('.', serviceEnd - 1) + 1;
    String service = key.substring(serviceStart, serviceEnd);
    if (serviceStart == 0) {
      return new RecordRequest("", "", "", service, namespace, kind, false);
    }
    int lastEnd = serviceStart - 1;
    int lastStart = key.lastIndexOf('.', lastEnd - 1) + 1;
    if (lastStart == 0) {
      return new RecordRequest("", "", key.substring(0, lastEnd), service, namespace, kind,
          false);
    }
    int firstEnd = lastStart - 1;
    if (key.lastIndexOf('.', firstEnd - 1) >= 0) {
      return INVALID;
    }
    return new RecordRequest(stripUnderscore(key.substring(0, firstEnd)),
        stripUnderscore(key.substring(lastStart, lastEnd)), "", service, namespace, kind, false);
  }

  /** {@return whether the request names an existing-by-schema name without records} */
  boolean isApex() {
    return !invalid && kind.isEmpty();
  }

  boolean isPod() {
    return kind.equals(POD);
  }

  /** {@return whether it is a plain {@code service.namespace.svc} name (no endpoint, no port)} */
  boolean isPlainService() {
    return kind.equals(SVC) && endpoint.isEmpty() && port.isEmpty() && protocol.isEmpty();
  }

  private static boolean isLabel(String key, int start, int end, String label) {
    return end - start == label.length() && key.startsWith(label, start);
  }

  private static String stripUnderscore(String label) {
    return label.startsWith("_") ? label.substring(1) : label;
  }
}
