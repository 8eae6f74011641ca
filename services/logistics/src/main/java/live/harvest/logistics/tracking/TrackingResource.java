package live.harvest.logistics.tracking;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import live.harvest.logistics.routing.RoutingService;
import live.harvest.logistics.shipment.ShipmentDtos.ShipmentView;
import live.harvest.logistics.shipment.ShipmentStatus;
import live.harvest.logistics.tracking.TrackingDtos.CentreStats;
import live.harvest.logistics.tracking.TrackingDtos.ShipmentPage;
import live.harvest.logistics.tracking.TrackingDtos.StationQueue;
import live.harvest.platform.input.Paging;
import live.harvest.platform.security.PartnerScopeFilter;
import live.harvest.platform.security.Roles;
import live.harvest.platform.security.Scopes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1")
@Tag(name = "Tracking", description = "Shipment timelines, station queues and centre figures")
public class TrackingResource {

    private final TrackingService tracking;
    private final RoutingService routing;

    public TrackingResource(TrackingService tracking, RoutingService routing) {
        this.tracking = tracking;
        this.routing = routing;
    }

    @GET
    @Path("/orders/{orderId}/shipment")
    @RolesAllowed({Roles.CONSUMER, Roles.OPERATOR, Roles.PARTNER, Roles.ADMIN})
    @Extension(name = PartnerScopeFilter.EXTENSION, value = Scopes.SHIPMENTS_READ)
    @Operation(summary = "The parcel of an order with its timeline",
            description = "Buyers see their own order (with the pickup code once held at a pickup point); operators "
                    + "parcels routed through their sites; partners need scope shipments:read.")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "403", description = "Partner without scope shipments:read")
    @APIResponse(responseCode = "404", description = "No shipment for this order that you may see (yet)")
    public ShipmentView byOrder(@PathParam("orderId") UUID orderId) {
        return tracking.byOrder(orderId);
    }

    @GET
    @Path("/shipments/{shipmentId}")
    @RolesAllowed({Roles.CONSUMER, Roles.OPERATOR, Roles.PARTNER, Roles.ADMIN})
    @Extension(name = PartnerScopeFilter.EXTENSION, value = Scopes.SHIPMENTS_READ)
    @Operation(summary = "A parcel with its timeline")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "403", description = "Partner without scope shipments:read")
    @APIResponse(responseCode = "404", description = "No such shipment that you may see")
    public ShipmentView byId(@PathParam("shipmentId") UUID shipmentId) {
        return tracking.byId(shipmentId);
    }

    @GET
    @Path("/shipments")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Extension(name = PartnerScopeFilter.EXTENSION, value = Scopes.SHIPMENTS_READ)
    @Operation(summary = "All parcels, newest first, optionally in one status (e.g. ROUTING_FAILED)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "403", description = "Partner without scope shipments:read")
    public ShipmentPage list(@QueryParam("status") ShipmentStatus status,
                             @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                             @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return tracking.list(status, page, size);
    }

    @POST
    @Path("/shipments/{shipmentId}/reroute")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Route a ROUTING_FAILED parcel again after the network was fixed")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Unknown shipment")
    @APIResponse(responseCode = "409", description = "The shipment is not ROUTING_FAILED")
    public ShipmentView reroute(@PathParam("shipmentId") UUID shipmentId) {
        routing.reroute(shipmentId);
        return tracking.byId(shipmentId);
    }

    @GET
    @Path("/stations/{code}/queue")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "A station's parcels: arrived, out for delivery, held at pickup points, failed, overdue")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "403", description = "You work neither at this station nor at its centre")
    @APIResponse(responseCode = "404", description = "Unknown station")
    public StationQueue queue(@PathParam("code") String stationCode) {
        return tracking.stationQueue(stationCode);
    }

    @GET
    @Path("/centres/{code}/stats")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Counts for a centre: inbound parcels by status, outbound, waiting, exceptions")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "403", description = "You do not work at this centre")
    @APIResponse(responseCode = "404", description = "Unknown centre")
    public CentreStats stats(@PathParam("code") String centreCode) {
        return tracking.centreStats(centreCode);
    }
}
