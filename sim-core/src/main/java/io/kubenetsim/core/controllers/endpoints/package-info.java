/**
 * Endpoint tracking. Start here: {@link
 * io.kubenetsim.core.controllers.endpoints.EndpointSliceController}; {@code PodEndpoints}
 * decides which pods back a Service and with which conditions and ports, {@code SlicePlanner}
 * packs them into slices as upstream's reconciler does. {@link
 * io.kubenetsim.core.controllers.endpoints.EndpointsController} keeps the legacy Endpoints
 * object; {@link io.kubenetsim.core.controllers.endpoints.EndpointSliceMirroringController}
 * copies hand-written Endpoints into slices.
 */
package io.kubenetsim.core.controllers.endpoints;
