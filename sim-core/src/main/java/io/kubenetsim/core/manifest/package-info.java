/**
 * Kubernetes manifests in and out: YAML and JSON text to model records and back.
 *
 * <p>Start here: {@link io.kubenetsim.core.manifest.ManifestReader} reads files, folders and text
 * into {@link io.kubenetsim.core.manifest.ManifestDocument}s, or throws a {@link
 * io.kubenetsim.core.manifest.ManifestDecodeException} listing every {@link
 * io.kubenetsim.core.manifest.DecodeProblem} in kubectl's words. {@link
 * io.kubenetsim.core.manifest.ManifestWriter} prints records as {@code kubectl get -o json|yaml}
 * does. Both look kinds up in a {@link io.kubenetsim.core.manifest.KindRegistry}: one {@link
 * io.kubenetsim.core.manifest.KindDecoder} and one {@link
 * io.kubenetsim.core.manifest.KindEncoder} per kind. Decoders walk Jackson's tree by hand with an
 * {@link io.kubenetsim.core.manifest.ObjectCursor}, which tracks the JSON path and collects type
 * errors, unknown fields and decode-stage field errors.
 *
 * <p>Shared pieces: {@code ObjectMetaDecoder}, {@code LabelSelectorDecoder}, {@code
 * PodSpecDecoder} and {@code PodTemplateSpecDecoder} (Pods and workload templates use the same
 * pod spec decoder), {@code ProtocolDecoder} (every port's {@code protocol}), {@code
 * TargetRefDecoder} (EndpointSlices and Endpoints), {@code GoBase64} (a ConfigMap's {@code
 * binaryData}, with Go's error offsets), and their encoder counterparts. Decoding
 * applies upstream defaults but does not validate; validation is a separate layer with apiserver
 * messages. Services are the exception: {@code ServiceDecoder} keeps unset fields unset, because
 * the API server's Service defaulting depends on the type and on allocation.
 *
 * <p>Not an API object but read here too: {@link io.kubenetsim.core.manifest.KubeProxyConfigReader}
 * takes kube-proxy's own {@code KubeProxyConfiguration} file (mode, {@code clusterCIDR} and
 * {@code detectLocalMode} for the local-traffic detector, masquerading, sync period), from
 * {@code --proxy-config} or from among the manifests.
 */
package io.kubenetsim.core.manifest;
