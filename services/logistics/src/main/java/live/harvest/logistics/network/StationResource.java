package live.harvest.logistics.network;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import live.harvest.logistics.network.NetworkDtos.StationCreate;
import live.harvest.logistics.network.NetworkDtos.StationUpdate;
import live.harvest.logistics.network.NetworkDtos.StationView;
import live.harvest.platform.security.PartnerScopeFilter;
import live.harvest.platform.security.Roles;
import live.harvest.platform.security.Scopes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Path("/api/v1/network/stations")
@Tag(name = "Network", description = "Counties, distribution centres, township stations and village pickup points")
public class StationResource {

    private final StationService service;

    public StationResource(StationService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a township delivery station")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "409", description = "The station exists, a township is served by another station, or pickup points would be stranded")
    @APIResponse(responseCode = "422", description = "Unknown centre")
    public Response create(@Valid StationCreate request) {
        StationView created = service.create(request);
        return Response.created(URI.create("/api/v1/network/stations/" + created.code())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.PARTNER})
    @Extension(name = PartnerScopeFilter.EXTENSION, value = Scopes.SHIPMENTS_READ)
    @Operation(summary = "List township delivery stations, optionally of one centre")
    @APIResponse(responseCode = "200", description = "OK")
    public List<StationView> list(@QueryParam("centreCode") String centreCode) {
        return service.list(centreCode);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.PARTNER})
    @Extension(name = PartnerScopeFilter.EXTENSION, value = Scopes.SHIPMENTS_READ)
    @Operation(summary = "Read a township delivery station")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Unknown township delivery station")
    public StationView get(@PathParam("code") String code) {
        return service.get(code);
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Update a township delivery station")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "404", description = "Unknown township delivery station")
    @APIResponse(responseCode = "409", description = "The station exists, a township is served by another station, or pickup points would be stranded")
    @APIResponse(responseCode = "422", description = "Unknown centre")
    public StationView update(@PathParam("code") String code, @Valid StationUpdate request) {
        return service.update(code, request);
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a township delivery station that nothing depends on")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Unknown township delivery station")
    @APIResponse(responseCode = "409", description = "Still in use")
    public void delete(@PathParam("code") String code) {
        service.delete(code);
    }
}
