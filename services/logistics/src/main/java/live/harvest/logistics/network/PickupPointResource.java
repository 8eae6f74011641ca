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
import live.harvest.logistics.network.NetworkDtos.PickupPointCreate;
import live.harvest.logistics.network.NetworkDtos.PickupPointUpdate;
import live.harvest.logistics.network.NetworkDtos.PickupPointView;
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

@Path("/api/v1/network/pickup-points")
@Tag(name = "Network", description = "Counties, distribution centres, township stations and village pickup points")
public class PickupPointResource {

    private final PickupPointService service;

    public PickupPointResource(PickupPointService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a village pickup point")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PickupPointView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "409", description = "The pickup point already exists")
    @APIResponse(responseCode = "422", description = "Unknown station or village not served by it")
    public Response create(@Valid PickupPointCreate request) {
        PickupPointView created = service.create(request);
        return Response.created(URI.create("/api/v1/network/pickup-points/" + created.code())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.PARTNER})
    @Extension(name = PartnerScopeFilter.EXTENSION, value = Scopes.SHIPMENTS_READ)
    @Operation(summary = "List village pickup points, optionally of one station")
    @APIResponse(responseCode = "200", description = "OK")
    public List<PickupPointView> list(@QueryParam("stationCode") String stationCode) {
        return service.list(stationCode);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.PARTNER})
    @Extension(name = PartnerScopeFilter.EXTENSION, value = Scopes.SHIPMENTS_READ)
    @Operation(summary = "Read a village pickup point")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Unknown village pickup point")
    public PickupPointView get(@PathParam("code") String code) {
        return service.get(code);
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Update a village pickup point")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "404", description = "Unknown village pickup point")
    @APIResponse(responseCode = "409", description = "The pickup point already exists")
    @APIResponse(responseCode = "422", description = "Unknown station or village not served by it")
    public PickupPointView update(@PathParam("code") String code, @Valid PickupPointUpdate request) {
        return service.update(code, request);
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a village pickup point that nothing depends on")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Unknown village pickup point")
    @APIResponse(responseCode = "409", description = "Still in use")
    public void delete(@PathParam("code") String code) {
        service.delete(code);
    }
}
