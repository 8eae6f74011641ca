package live.harvest.integrations.webhook.delivery;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import live.harvest.integrations.visibility.GrantAccess;
import live.harvest.integrations.webhook.delivery.DeliveryDtos.DeliveryDetailView;
import live.harvest.integrations.webhook.delivery.DeliveryDtos.DeliveryPage;
import live.harvest.integrations.webhook.delivery.DeliveryDtos.DeliveryView;
import live.harvest.platform.input.Paging;
import live.harvest.platform.security.PartnerScopeFilter;
import live.harvest.platform.security.Roles;
import live.harvest.platform.security.Scopes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/webhooks/endpoints/{endpointId}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER)
@Tag(name = "Webhooks")
public class DeliveryResource {

    private final GrantAccess access;
    private final DeliveryService service;

    public DeliveryResource(GrantAccess access, DeliveryService service) {
        this.access = access;
        this.service = service;
    }

    @GET
    @Extension(name = PartnerScopeFilter.EXTENSION, value = Scopes.WEBHOOKS_MANAGE)
    @Operation(summary = "The endpoint's delivery log, newest first, optionally of one status")
    @APIResponse(responseCode = "200", description = "A page of deliveries")
    @APIResponse(responseCode = "404", description = "No such endpoint of this partner")
    public DeliveryPage list(@PathParam("endpointId") UUID endpointId,
                             @Parameter(description = "PENDING, DELIVERED or FAILED")
                             @QueryParam("status") DeliveryStatus status,
                             @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                             @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(access.currentPartner().partnerId(), endpointId, status, page, size);
    }

    @GET
    @Path("/{deliveryId}")
    @Extension(name = PartnerScopeFilter.EXTENSION, value = Scopes.WEBHOOKS_MANAGE)
    @Operation(summary = "One delivery with its payload and every attempt (time, status or error, latency, "
            + "response excerpt)")
    @APIResponse(responseCode = "200", description = "The delivery and its attempts")
    @APIResponse(responseCode = "404", description = "No such delivery of this partner's endpoint")
    public DeliveryDetailView get(@PathParam("endpointId") UUID endpointId,
                                  @PathParam("deliveryId") UUID deliveryId) {
        return service.get(access.currentPartner().partnerId(), endpointId, deliveryId);
    }

    @POST
    @Path("/{deliveryId}/redeliver")
    @Extension(name = PartnerScopeFilter.EXTENSION, value = Scopes.WEBHOOKS_MANAGE)
    @Operation(summary = "Deliver it again now, with the same webhook-id",
            description = "Starts a new round of the retry schedule; the attempts are added to its log.")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such delivery of this partner's endpoint")
    @APIResponse(responseCode = "409", description = "endpoint-disabled: enable the endpoint first")
    public Response redeliver(@PathParam("endpointId") UUID endpointId, @PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(service.redeliver(access.currentPartner().partnerId(), endpointId, deliveryId))
                .build();
    }
}
