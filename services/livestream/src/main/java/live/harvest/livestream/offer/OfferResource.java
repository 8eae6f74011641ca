package live.harvest.livestream.offer;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import live.harvest.livestream.offer.OfferDtos.OfferView;
import live.harvest.livestream.offer.OfferDtos.OpenOfferRequest;
import live.harvest.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/streams/{streamId}/offers")
@Tag(name = "Offers")
@Produces(MediaType.APPLICATION_JSON)
public class OfferResource {

    private final OfferService offers;

    public OfferResource(OfferService offers) {
        this.offers = offers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "Open and pin a flash-sale offer (allocates its units from catalog)")
    @APIResponse(responseCode = "201", description = "Open and pinned",
            content = @Content(schema = @Schema(implementation = OfferView.class)))
    @APIResponse(responseCode = "400", description = "Invalid price, quantity, limit or end time")
    @APIResponse(responseCode = "403", description = "Not the owner of the stream or of the product")
    @APIResponse(responseCode = "404", description = "Unknown stream or SKU")
    @APIResponse(responseCode = "409", description = "Stream not live, insufficient-stock or product-not-active")
    public RestResponse<OfferView> open(@PathParam("streamId") UUID streamId,
                                        @Valid @NotNull OpenOfferRequest request) {
        OfferView offer = offers.open(streamId, request);
        URI location = URI.create("/api/v1/streams/" + streamId + "/offers/" + offer.id());
        return RestResponse.ResponseBuilder.<OfferView>created(location).entity(offer).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "Offers of a stream, oldest first")
    @APIResponse(responseCode = "200", description = "The offers")
    @APIResponse(responseCode = "404", description = "Unknown stream")
    public List<OfferView> list(@PathParam("streamId") UUID streamId) {
        return offers.ofStream(streamId);
    }

    @POST
    @Path("/{offerId}/pin")
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "Pin an open offer again (unpins the current one)")
    @APIResponse(responseCode = "200", description = "Pinned")
    @APIResponse(responseCode = "403", description = "Not the owner")
    @APIResponse(responseCode = "404", description = "Unknown stream or offer")
    @APIResponse(responseCode = "409", description = "Stream not live or offer closed")
    public OfferView pin(@PathParam("streamId") UUID streamId, @PathParam("offerId") UUID offerId) {
        return offers.pin(streamId, offerId);
    }

    @POST
    @Path("/{offerId}/close")
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "Close an offer early; unsold units go back to catalog after orders drains the pool")
    @APIResponse(responseCode = "200", description = "Closed")
    @APIResponse(responseCode = "403", description = "Not the owner")
    @APIResponse(responseCode = "404", description = "Unknown stream or offer")
    @APIResponse(responseCode = "409", description = "Offer already closed")
    public OfferView close(@PathParam("streamId") UUID streamId, @PathParam("offerId") UUID offerId) {
        return offers.close(streamId, offerId);
    }
}
