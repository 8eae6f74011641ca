package live.harvest.orders.offer;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import live.harvest.orders.offer.OfferDtos.PoolView;
import live.harvest.platform.problem.DomainException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;
import java.util.UUID;

@Path("/api/v1/offers/{offerId}/pool")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Offers")
@PermitAll
public class OfferPoolResource {

    private final OfferPool pool;
    private final PoolRecovery recovery;

    public OfferPoolResource(OfferPool pool, PoolRecovery recovery) {
        this.pool = pool;
        this.recovery = recovery;
    }

    @GET
    @Operation(summary = "Live stock of a stream offer (state open or drained, units left), read from Redis; a pool"
            + " Redis lost is rebuilt from PostgreSQL first")
    @APIResponse(responseCode = "200", description = "The pool")
    @APIResponse(responseCode = "404", description = "No pool for this offer (not opened yet, or long gone)")
    public PoolView get(@PathParam("offerId") UUID offerId) {
        return pool.snapshot(offerId)
                .or(() -> recovery.recover(offerId) == PoolRebuild.Result.REBUILT ? pool.snapshot(offerId)
                        : Optional.empty())
                .map(s -> new PoolView(offerId, s.state(), s.unitsLeft(), s.perBuyerLimit(), s.endsAt()))
                .orElseThrow(() -> DomainException.notFound("Offer pool", offerId));
    }
}
