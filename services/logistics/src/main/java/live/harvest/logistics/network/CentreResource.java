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
import live.harvest.logistics.network.NetworkDtos.CentreCreate;
import live.harvest.logistics.network.NetworkDtos.CentreUpdate;
import live.harvest.logistics.network.NetworkDtos.CentreView;
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

@Path("/api/v1/network/centres")
@Tag(name = "Network", description = "Counties, distribution centres, township stations and village pickup points")
public class CentreResource {

    private final CentreService service;

    public CentreResource(CentreService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a distribution centre")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CentreView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "409", description = "The centre exists or the county already has one")
    @APIResponse(responseCode = "422", description = "Unknown county")
    public Response create(@Valid CentreCreate request) {
        CentreView created = service.create(request);
        return Response.created(URI.create("/api/v1/network/centres/" + created.code())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.PARTNER})
    @Extension(name = PartnerScopeFilter.EXTENSION, value = Scopes.SHIPMENTS_READ)
    @Operation(summary = "List distribution centres, optionally of one county")
    @APIResponse(responseCode = "200", description = "OK")
    public List<CentreView> list(@QueryParam("countyCode") String countyCode) {
        return service.list(countyCode);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.PARTNER})
    @Extension(name = PartnerScopeFilter.EXTENSION, value = Scopes.SHIPMENTS_READ)
    @Operation(summary = "Read a distribution centre")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Unknown distribution centre")
    public CentreView get(@PathParam("code") String code) {
        return service.get(code);
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Update a distribution centre")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "404", description = "Unknown distribution centre")
    @APIResponse(responseCode = "409", description = "The centre exists or the county already has one")
    @APIResponse(responseCode = "422", description = "Unknown county")
    public CentreView update(@PathParam("code") String code, @Valid CentreUpdate request) {
        return service.update(code, request);
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a distribution centre that nothing depends on")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Unknown distribution centre")
    @APIResponse(responseCode = "409", description = "Still in use")
    public void delete(@PathParam("code") String code) {
        service.delete(code);
    }
}
