package live.harvest.logistics.network;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import live.harvest.logistics.network.NetworkDtos.CountyCreate;
import live.harvest.logistics.network.NetworkDtos.CountyUpdate;
import live.harvest.logistics.network.NetworkDtos.CountyView;
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

@Path("/api/v1/network/counties")
@Tag(name = "Network", description = "Counties, distribution centres, township stations and village pickup points")
public class CountyResource {

    private final CountyService service;

    public CountyResource(CountyService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a county")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CountyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "409", description = "The county already exists")
    public Response create(@Valid CountyCreate request) {
        CountyView created = service.create(request);
        return Response.created(URI.create("/api/v1/network/counties/" + created.code())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.PARTNER})
    @Extension(name = PartnerScopeFilter.EXTENSION, value = Scopes.SHIPMENTS_READ)
    @Operation(summary = "List counties")
    @APIResponse(responseCode = "200", description = "OK")
    public List<CountyView> list() {
        return service.list();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.PARTNER})
    @Extension(name = PartnerScopeFilter.EXTENSION, value = Scopes.SHIPMENTS_READ)
    @Operation(summary = "Read a county")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Unknown county")
    public CountyView get(@PathParam("code") String code) {
        return service.get(code);
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Update a county")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "404", description = "Unknown county")
    public CountyView update(@PathParam("code") String code, @Valid CountyUpdate request) {
        return service.update(code, request);
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a county that nothing depends on")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Unknown county")
    @APIResponse(responseCode = "409", description = "Still in use")
    public void delete(@PathParam("code") String code) {
        service.delete(code);
    }
}
