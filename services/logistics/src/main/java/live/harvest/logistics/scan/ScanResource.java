package live.harvest.logistics.scan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import live.harvest.logistics.scan.ScanDtos.Outcome;
import live.harvest.logistics.scan.ScanDtos.ScanRequest;
import live.harvest.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/shipments/{shipmentId}/scans")
@Tag(name = "Scans", description = "Operators scanning parcels through each hop")
public class ScanResource {

    private final ScanService scans;

    public ScanResource(ScanService scans) {
        this.scans = scans;
    }

    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Record a scan of a parcel at one of your sites",
            description = "Sequence: RECEIVED_AT_CENTRE → (DISPATCHED by a wave) → ARRIVED_AT_STATION → "
                    + "OUT_FOR_DELIVERY → DELIVERED | DELIVERY_FAILED | HELD_AT_PICKUP → PICKED_UP | RETURNED. "
                    + "After a refund (or a cancellation that came too late) the parcel returns: RETURN_AT_STATION → "
                    + "RETURN_AT_CENTRE (destination, then origin centre) → RETURNED at the origin centre. "
                    + "A cancelled parcel takes no scans (409 shipment-cancelled); a returning one only its way back "
                    + "(409 shipment-returning). A repeated scanId returns the original result with 200.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScanDtos.ScanResult.class)))
    @APIResponse(responseCode = "200", description = "This scanId was recorded before; the original result",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScanDtos.ScanResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields or a field this scan type needs is missing")
    @APIResponse(responseCode = "403", description = "The scan happens at a site you do not work at")
    @APIResponse(responseCode = "404", description = "No such shipment at your sites")
    @APIResponse(responseCode = "409", description = "Out of sequence, the scanId was used for another shipment, "
            + "the shipment was cancelled (shipment-cancelled) or is being returned (shipment-returning)")
    @APIResponse(responseCode = "422", description = "Wrong pickup code, unknown pickup point or wrong site")
    public Response scan(@PathParam("shipmentId") UUID shipmentId, @Valid @NotNull ScanRequest request) {
        Outcome outcome = scans.scan(shipmentId, request);
        // A scan has no address of its own; the shipment's timeline shows it.
        return Response.status(outcome.replayed() ? 200 : 201).location(URI.create("/api/v1/shipments/" + shipmentId))
                .entity(outcome.result()).build();
    }
}
