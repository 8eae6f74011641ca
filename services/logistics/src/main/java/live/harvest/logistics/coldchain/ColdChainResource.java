package live.harvest.logistics.coldchain;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import live.harvest.logistics.coldchain.ColdChainDtos.ReadingRequest;
import live.harvest.logistics.coldchain.ColdChainDtos.ReadingResult;
import live.harvest.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1")
@Tag(name = "Cold chain", description = "Temperature readings and cold-chain exceptions")
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
public class ColdChainResource {

    private final ColdChainService coldChain;

    public ColdChainResource(ColdChainService coldChain) {
        this.coldChain = coldChain;
    }

    @POST
    @Path("/shipments/{shipmentId}/temperature-readings")
    @Operation(summary = "Record a temperature reading for one parcel",
            description = "A reading outside the parcel's temperature class range raises a cold-chain exception.")
    @APIResponse(responseCode = "201", description = "Recorded (also for a repeated readingId)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReadingResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "403", description = "You do not work at the named site")
    @APIResponse(responseCode = "404", description = "No such shipment at your sites")
    @APIResponse(responseCode = "409", description = "The parcel is not in transit, or the readingId was reused")
    public Response forShipment(@PathParam("shipmentId") UUID shipmentId, @Valid @NotNull ReadingRequest request) {
        // Readings have no address of their own; the parcel's list holds this one.
        return Response.created(URI.create("/api/v1/shipments/" + shipmentId + "/temperature-readings"))
                .entity(coldChain.forShipment(shipmentId, request)).build();
    }

    @GET
    @Path("/shipments/{shipmentId}/temperature-readings")
    @Operation(summary = "Readings of a parcel, including those taken for its wave")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "No such shipment at your sites")
    public List<ReadingResult> list(@PathParam("shipmentId") UUID shipmentId) {
        return coldChain.list(shipmentId);
    }

    @POST
    @Path("/waves/{waveId}/temperature-readings")
    @Operation(summary = "Record a temperature reading for a whole wave's load",
            description = "Each parcel in the wave is judged against its own temperature class.")
    @APIResponse(responseCode = "201", description = "Recorded (also for a repeated readingId)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReadingResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "403", description = "You do not work at the named site")
    @APIResponse(responseCode = "404", description = "No such wave at your sites")
    public Response forWave(@PathParam("waveId") UUID waveId, @Valid @NotNull ReadingRequest request) {
        return Response.created(URI.create("/api/v1/waves/" + waveId))
                .entity(coldChain.forWave(waveId, request)).build();
    }
}
