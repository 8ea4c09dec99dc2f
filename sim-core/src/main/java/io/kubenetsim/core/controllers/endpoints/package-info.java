/**
 * Endpoint tracking. Start here: {@link
 * io.kubenetsim.core.controllers.endpoints.EndpointSliceController}; {@code ExistingSlices}
 * splits the slices labelled for a Service into its own (per address type, from {@code
 * ServiceFamilies}) and those to delete (not {@code ownedBy} the Service, or of an address type
 * it lacks), {@code PodEndpoints} decides which pods back a Service and with which conditions
 * and ports (finding a pod's Services and a Service's pods through label indexes on the
 * informers, so an event costs the objects it concerns, not the namespace), {@code SlicePlanner} packs them into slices as upstream's reconciler does, and
 * {@code OwnWrites} (upstream's {@code EndpointSliceTracker}) keeps the echoes of the
 * controller's own writes from queueing its Service again and holds a reconcile back until the
 * informer shows those writes. {@link
 * io.kubenetsim.core.controllers.endpoints.EndpointsController} keeps the legacy Endpoints
 * object; {@link io.kubenetsim.core.controllers.endpoints.EndpointSliceMirroringController}
 * copies hand-written Endpoints into slices, and owns every slice with its managed-by value.
 */
package io.kubenetsim.core.controllers.endpoints;
