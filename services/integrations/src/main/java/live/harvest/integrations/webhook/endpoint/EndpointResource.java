package live.harvest.integrations.webhook.endpoint;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import live.harvest.integrations.visibility.GrantAccess;
import live.harvest.integrations.visibility.VisibilityGrant;
import live.harvest.integrations.webhook.endpoint.EndpointDtos.CreatedEndpointView;
import live.harvest.integrations.webhook.endpoint.EndpointDtos.EndpointPage;
import live.harvest.integrations.webhook.endpoint.EndpointDtos.EndpointRequest;
import live.harvest.integrations.webhook.endpoint.EndpointDtos.EndpointUpdateRequest;
import live.harvest.integrations.webhook.endpoint.EndpointDtos.EndpointView;
import live.harvest.integrations.webhook.endpoint.EndpointDtos.SecretView;
import live.harvest.platform.idempotency.IdempotencyKey;
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

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/webhooks/endpoints")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER)
@Tag(name = "Webhooks", description = "A partner's webhook endpoints (Standard Webhooks signatures, ADR 0022)")
public class EndpointResource {

    private final GrantAccess access;
    private final EndpointService service;

    public EndpointResource(GrantAccess access, EndpointService service) {
        this.access = access;
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerScopeFilter.EXTENSION, value = Scopes.WEBHOOKS_MANAGE)
    @Operation(summary = "Register a webhook endpoint and get its signing secret",
            description = "The URL must be https and resolve to public addresses only (no loopback, private, "
                    + "link-local or metadata address). The optional counties and sites filter must lie within the "
                    + "partner's visibility. The whsec_ secret is in this answer only. With an Idempotency-Key, a "
                    + "retry with the same body answers 200 with the same endpoint (without the secret).")
    @APIResponse(responseCode = "201", description = "Registered; the body holds the signing secret, shown once",
            content = @Content(schema = @Schema(implementation = CreatedEndpointView.class)))
    @APIResponse(responseCode = "200", description = "A retry with the same Idempotency-Key: the endpoint, no secret",
            content = @Content(schema = @Schema(implementation = CreatedEndpointView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, a refused URL or an unknown event type")
    @APIResponse(responseCode = "422", description = "filter-outside-visibility or idempotency-key-reused")
    public Response create(
            @Parameter(description = "1-64 printable characters, unique per endpoint")
            @HeaderParam(IdempotencyKey.HEADER) @Pattern(regexp = IdempotencyKey.PATTERN,
                    message = IdempotencyKey.MESSAGE) String idempotencyKey,
            @NotNull @Valid EndpointRequest request) {
        EndpointService.Outcome outcome = service.create(access.currentPartner(), idempotencyKey, request);
        return Response.status(outcome.created() ? 201 : 200)
                .location(URI.create("/api/v1/webhooks/endpoints/" + outcome.view().endpoint().id()))
                .entity(outcome.view()).build();
    }

    @GET
    @Extension(name = PartnerScopeFilter.EXTENSION, value = Scopes.WEBHOOKS_MANAGE)
    @Operation(summary = "The partner's webhook endpoints, newest first")
    public EndpointPage list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                             @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(access.currentPartner().partnerId(), page, size);
    }

    @GET
    @Path("/{endpointId}")
    @Extension(name = PartnerScopeFilter.EXTENSION, value = Scopes.WEBHOOKS_MANAGE)
    @Operation(summary = "One of the partner's webhook endpoints",
            description = "A disabled endpoint says why in disabledReason (webhook.endpoint-disabled).")
    @APIResponse(responseCode = "200", description = "The endpoint")
    @APIResponse(responseCode = "404", description = "No such endpoint of this partner")
    public EndpointView get(@PathParam("endpointId") UUID endpointId) {
        return service.get(access.currentPartner().partnerId(), endpointId);
    }

    @PATCH
    @Path("/{endpointId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = PartnerScopeFilter.EXTENSION, value = Scopes.WEBHOOKS_MANAGE)
    @Operation(summary = "Change an endpoint's URL, event types, filter, description or enabled flag",
            description = "Absent fields stay as they are; an empty counties or sites list removes that filter. "
                    + "enabled=true re-enables an endpoint that was disabled for failing; its pending deliveries "
                    + "resume.")
    @APIResponse(responseCode = "200", description = "The endpoint as changed")
    @APIResponse(responseCode = "400", description = "Invalid fields, a refused URL or an unknown event type")
    @APIResponse(responseCode = "404", description = "No such endpoint of this partner")
    @APIResponse(responseCode = "422", description = "filter-outside-visibility")
    public EndpointView update(@PathParam("endpointId") UUID endpointId,
                               @NotNull @Valid EndpointUpdateRequest request) {
        VisibilityGrant grant = access.currentPartner();
        return service.update(grant, endpointId, request);
    }

    @DELETE
    @Path("/{endpointId}")
    @Extension(name = PartnerScopeFilter.EXTENSION, value = Scopes.WEBHOOKS_MANAGE)
    @Operation(summary = "Delete an endpoint, its secrets and its delivery log")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such endpoint of this partner")
    public Response delete(@PathParam("endpointId") UUID endpointId) {
        service.delete(access.currentPartner().partnerId(), endpointId);
        return Response.noContent().build();
    }

    @POST
    @Path("/{endpointId}/secret")
    @Extension(name = PartnerScopeFilter.EXTENSION, value = Scopes.WEBHOOKS_MANAGE)
    @Operation(summary = "Rotate the endpoint's signing secret",
            description = "The new secret is in this answer only. The previous one stays valid until "
                    + "previousValidUntil (harvest.integrations.webhooks.secret-grace, 24 h by default): meanwhile "
                    + "every delivery carries both signatures in webhook-signature.")
    @APIResponse(responseCode = "200", description = "The new secret, shown once")
    @APIResponse(responseCode = "404", description = "No such endpoint of this partner")
    public SecretView rotateSecret(@PathParam("endpointId") UUID endpointId) {
        return service.rotateSecret(access.currentPartner().partnerId(), endpointId);
    }
}
