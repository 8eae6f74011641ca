package live.harvest.logistics.wave;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import live.harvest.logistics.wave.WaveDtos.VehicleAssignment;
import live.harvest.logistics.wave.WaveDtos.Waiting;
import live.harvest.logistics.wave.WaveDtos.WaveCreate;
import live.harvest.logistics.wave.WaveDtos.WaveView;
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
@Tag(name = "Dispatch waves", description = "Joint distribution from a county centre to its township stations")
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
public class WaveResource {

    private final WaveService waves;

    public WaveResource(WaveService waves) {
        this.waves = waves;
    }

    @GET
    @Path("/centres/{code}/waiting")
    @Operation(summary = "Parcels received at the centre and waiting for a wave, per station")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "403", description = "You do not work at this centre")
    @APIResponse(responseCode = "404", description = "Unknown centre")
    public Waiting waiting(@PathParam("code") String centreCode) {
        return waves.waiting(centreCode);
    }

    @POST
    @Path("/centres/{code}/waves")
    @Operation(summary = "Create a wave with every parcel waiting for one station, whatever its seller")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WaveView.class)))
    @APIResponse(responseCode = "403", description = "You do not work at this centre")
    @APIResponse(responseCode = "409", description = "No parcels are waiting for the station")
    @APIResponse(responseCode = "422", description = "The station is not served by this centre")
    public Response create(@PathParam("code") String centreCode, @Valid @NotNull WaveCreate request) {
        WaveView wave = waves.create(centreCode, request);
        return Response.created(URI.create("/api/v1/waves/" + wave.waveId())).entity(wave).build();
    }

    @GET
    @Path("/centres/{code}/waves")
    @Operation(summary = "Waves of a centre, newest first")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "403", description = "You do not work at this centre")
    public List<WaveView> list(@PathParam("code") String centreCode, @QueryParam("status") Wave.Status status) {
        return waves.list(centreCode, status);
    }

    @GET
    @Path("/waves/{waveId}")
    @Operation(summary = "Read a wave (its centre or receiving station)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "No such wave at your sites")
    public WaveView get(@PathParam("waveId") UUID waveId) {
        return waves.get(waveId);
    }

    @PUT
    @Path("/waves/{waveId}/vehicle")
    @Operation(summary = "Assign the vehicle and driver of an open wave")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "No such wave at your centre")
    @APIResponse(responseCode = "409", description = "The wave is no longer open")
    public WaveView assign(@PathParam("waveId") UUID waveId, @Valid @NotNull VehicleAssignment request) {
        return waves.assign(waveId, request);
    }

    @POST
    @Path("/waves/{waveId}/dispatch")
    @Operation(summary = "Dispatch a wave: all its parcels become DISPATCHED together",
            description = "The wave must have a vehicle (given at creation or assigned). Dispatching an already "
                    + "dispatched wave returns it unchanged.")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "No such wave at your centre")
    @APIResponse(responseCode = "409", description = "Cancelled wave, no vehicle assigned, or every parcel of the wave "
            + "was cancelled (wave-empty)")
    public WaveView dispatch(@PathParam("waveId") UUID waveId) {
        return waves.dispatch(waveId);
    }

    @DELETE
    @Path("/waves/{waveId}")
    @Operation(summary = "Cancel an open wave; its parcels wait again")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "No such wave at your centre")
    @APIResponse(responseCode = "409", description = "The wave is no longer open")
    public WaveView cancel(@PathParam("waveId") UUID waveId) {
        return waves.cancel(waveId);
    }
}
