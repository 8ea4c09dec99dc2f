/**
 * How bad input is reported: {@link io.kubenetsim.manifest.FieldError} in apimachinery's
 * grammar, grouped per object in {@link io.kubenetsim.manifest.InvalidObject} and thrown as
 * {@link io.kubenetsim.manifest.ValidationException}; unreadable manifests throw {@link
 * io.kubenetsim.manifest.ManifestException}.
 */
package io.kubenetsim.manifest;
