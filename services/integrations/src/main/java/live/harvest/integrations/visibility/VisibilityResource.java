package live.harvest.integrations.visibility;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import live.harvest.integrations.visibility.VisibilityDtos.VisibilityRequest;
import live.harvest.integrations.visibility.VisibilityDtos.VisibilityView;
import live.harvest.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** What a partner may see in the event history and its webhooks: set by an admin. */
@Path("/api/v1/partners/{partnerId}/visibility")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partners")
public class VisibilityResource {

    private final VisibilityService service;

    public VisibilityResource(VisibilityService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "What the partner may see (empty until an admin sets it)")
    @APIResponse(responseCode = "200", description = "The partner's visibility")
    @APIResponse(responseCode = "404", description = "No such partner")
    public VisibilityView get(@PathParam("partnerId") UUID partnerId) {
        return service.get(partnerId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set what the partner may see: its counties, logistics sites and payment partner id",
            description = "Replaces the whole grant. A PAYMENT_PROVIDER sees orders events paid through its payment "
                    + "partner id; a COURIER sees logistics events of shipments that touched one of its sites; a "
                    + "COUNTY_SERVICE_CENTRE or PLATFORM sees catalog, livestream, orders and logistics events of its "
                    + "counties. Applies to the event history and to webhooks at once.")
    @APIResponse(responseCode = "200", description = "The partner's visibility as stored")
    @APIResponse(responseCode = "400", description = "A county or site code is malformed, or a payment partner id "
            + "was given for a partner that is not a PAYMENT_PROVIDER")
    @APIResponse(responseCode = "404", description = "No such partner")
    public VisibilityView set(@PathParam("partnerId") UUID partnerId, @NotNull @Valid VisibilityRequest request) {
        return service.set(partnerId, request);
    }
}
