package live.harvest.integrations.partner;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import live.harvest.integrations.partner.PartnerDtos.PartnerPage;
import live.harvest.integrations.partner.PartnerDtos.PartnerRequest;
import live.harvest.integrations.partner.PartnerDtos.PartnerSecret;
import live.harvest.integrations.partner.PartnerDtos.PartnerView;
import live.harvest.integrations.partner.PartnerDtos.RegisteredPartner;
import live.harvest.platform.input.Paging;
import live.harvest.platform.idempotency.IdempotencyKey;
import live.harvest.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/partners")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partners", description = "Partner registration: each partner is an OAuth2 client-credentials client")
public class PartnerResource {

    private final PartnerRegistration registration;
    private final PartnerService service;

    public PartnerResource(PartnerRegistration registration, PartnerService service) {
        this.registration = registration;
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a partner and issue its client credentials",
            description = "Creates a confidential client-credentials client `partner-<name>-<random>` in the identity "
                    + "provider with the requested scopes, and answers with its client secret. The secret is shown "
                    + "in this response only and never stored by the platform. With an Idempotency-Key, a retry with "
                    + "the same body answers 200 with the same partner (without the secret); a different body under "
                    + "the same key is refused with 422.")
    @APIResponse(responseCode = "201", description = "Registered; the body holds the client secret, shown once",
            content = @Content(schema = @Schema(implementation = RegisteredPartner.class)))
    @APIResponse(responseCode = "200", description = "A retry with the same Idempotency-Key: the partner, no secret",
            content = @Content(schema = @Schema(implementation = RegisteredPartner.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, unknown kind or scope")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused: the key came with a different body")
    @APIResponse(responseCode = "503", description = "identity-provider-unavailable: nothing was registered; retry")
    public Response register(
            @Parameter(description = "1-64 printable characters, unique per registration")
            @HeaderParam(IdempotencyKey.HEADER) @Pattern(regexp = IdempotencyKey.PATTERN,
                    message = IdempotencyKey.MESSAGE) String idempotencyKey,
            @NotNull @Valid PartnerRequest request) {
        PartnerRegistration.Outcome outcome = registration.register(idempotencyKey, request);
        RegisteredPartner partner = outcome.partner();
        return Response.status(outcome.created() ? 201 : 200)
                .location(URI.create("/api/v1/partners/" + partner.id())).entity(partner).build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Registered partners, newest first")
    public PartnerPage list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(page, size);
    }

    @GET
    @Path("/{partnerId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "One partner")
    @APIResponse(responseCode = "200", description = "The partner")
    @APIResponse(responseCode = "404", description = "No such partner")
    public PartnerView get(@PathParam("partnerId") UUID partnerId) {
        return service.get(partnerId);
    }

    @POST
    @Path("/{partnerId}/secret")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rotate the partner's client secret",
            description = "Issues a new client secret and returns it in this response only. The old secret stops "
                    + "working at once: the identity provider refuses token requests made with it (tokens already "
                    + "issued stay valid until they expire).")
    @APIResponse(responseCode = "200", description = "The new client secret, shown once")
    @APIResponse(responseCode = "404", description = "No such partner")
    @APIResponse(responseCode = "409", description = "partner-client-missing: its client was deleted in the provider")
    @APIResponse(responseCode = "503", description = "identity-provider-unavailable: retry")
    public PartnerSecret rotateSecret(@PathParam("partnerId") UUID partnerId) {
        return service.rotateSecret(partnerId);
    }

    @POST
    @Path("/{partnerId}/disable")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Disable a partner: its client gets no new tokens (idempotent)",
            description = "Tokens already issued stay valid until they expire.")
    @APIResponse(responseCode = "200", description = "The partner, DISABLED")
    @APIResponse(responseCode = "404", description = "No such partner")
    @APIResponse(responseCode = "409", description = "partner-client-missing: its client was deleted in the provider")
    @APIResponse(responseCode = "503", description = "identity-provider-unavailable: retry")
    public PartnerView disable(@PathParam("partnerId") UUID partnerId) {
        return service.disable(partnerId);
    }

    @POST
    @Path("/{partnerId}/enable")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Enable a disabled partner again, with its current secret (idempotent)")
    @APIResponse(responseCode = "200", description = "The partner, ACTIVE")
    @APIResponse(responseCode = "404", description = "No such partner")
    @APIResponse(responseCode = "409", description = "partner-client-missing: its client was deleted in the provider")
    @APIResponse(responseCode = "503", description = "identity-provider-unavailable: retry")
    public PartnerView enable(@PathParam("partnerId") UUID partnerId) {
        return service.enable(partnerId);
    }
}
