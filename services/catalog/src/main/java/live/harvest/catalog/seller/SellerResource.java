package live.harvest.catalog.seller;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import live.harvest.catalog.seller.SellerDtos.ProfileRequest;
import live.harvest.catalog.seller.SellerDtos.PublicSeller;
import live.harvest.catalog.seller.SellerDtos.SellerProfile;
import live.harvest.catalog.seller.SellerDtos.VerificationRequest;
import live.harvest.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

// Rooted at /api/v1 like the other resources, so /sellers/me/products (ProductResource) still matches.
@Path("/api/v1")
@Tag(name = "Sellers", description = "Seller profiles and their verification")
public class SellerResource {

    private final SellerService service;
    private final SellerAccess access;

    public SellerResource(SellerService service, SellerAccess access) {
        this.service = service;
        this.access = access;
    }

    @PUT
    @Path("/sellers/me")
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "Create or replace the calling seller's own profile")
    @APIResponse(responseCode = "200", description = "Profile updated",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SellerProfile.class)))
    @APIResponse(responseCode = "201", description = "Profile created; Location is the public profile",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SellerProfile.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, e.g. township not within county")
    public Response saveOwn(@Valid @NotNull ProfileRequest request) {
        SellerService.Saved saved = service.saveOwn(access.actingSeller(), request);
        return Response.status(saved.created() ? 201 : 200)
                .location(URI.create("/api/v1/sellers/" + saved.profile().sellerId())).entity(saved.profile()).build();
    }

    @GET
    @Path("/sellers/me")
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "The calling seller's own profile, including contact phone")
    @APIResponse(responseCode = "200", description = "The profile")
    @APIResponse(responseCode = "404", description = "No profile yet")
    public SellerProfile own() {
        return service.own(access.actingSeller());
    }

    @GET
    @Path("/sellers/{sellerId}")
    @PermitAll
    @Operation(summary = "A seller's public profile (no contact details)")
    @APIResponse(responseCode = "200", description = "The public profile")
    @APIResponse(responseCode = "404", description = "Unknown seller")
    public PublicSeller publicProfile(@PathParam("sellerId") UUID sellerId) {
        return service.publicProfile(sellerId);
    }

    @POST
    @Path("/sellers/{sellerId}/verification")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set a seller's verification state (admin)")
    @APIResponse(responseCode = "200", description = "The profile with its new state")
    @APIResponse(responseCode = "404", description = "Unknown seller")
    public SellerProfile verify(@PathParam("sellerId") UUID sellerId, @Valid @NotNull VerificationRequest request) {
        return service.verify(sellerId, request);
    }
}
