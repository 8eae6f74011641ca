package live.harvest.livestream.offer;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.value.ListingSnapshot;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** Request and response bodies of the offer endpoints: inputs *Request, outputs *View. */
public final class OfferDtos {

    private OfferDtos() {
    }

    public record OpenOfferRequest(
            @NotNull UUID skuId,
            @Positive long priceFen,
            @Positive @Max(1_000_000) int quantity,
            @Schema(description = "Most units one buyer may buy; 1..quantity") @Positive int perBuyerLimit,
            @Schema(description = "Optional end of the sale; the offer closes by itself then") @Future Instant endsAt,
            @Schema(description = "Optional client-chosen id that makes a retry safe: the same id never allocates twice")
            UUID offerId) {
    }

    /** Flat on the wire (the JSON is the contract), while the offer keeps the listing as a {@link ListingSnapshot}. */
    public record OfferView(UUID id, UUID streamId, UUID skuId, UUID productId, String title, String spec,
                            TemperatureClass temperatureClass, String traceCode, long priceFen, String currency,
                            int quantity, int perBuyerLimit, Instant endsAt, OfferStatus status, boolean pinned,
                            int remaining, Instant openedAt, Instant closedAt, String closeReason,
                            Integer unitsLeft) {

        public static OfferView of(Offer o) {
            ListingSnapshot l = o.listing;
            return new OfferView(o.id, o.streamId, l.skuId(), l.productId(), l.title(), l.spec(),
                    l.temperatureClass(), l.traceCode(), l.priceFen(), l.currency(), o.quantity, o.perBuyerLimit,
                    o.endsAt, o.status, o.pinned, o.remaining(), o.openedAt, o.closedAt, o.closeReason, o.unitsLeft);
        }

        /** The same view with another remaining (what the live feed showed last). */
        public OfferView withRemaining(int shown) {
            return new OfferView(id, streamId, skuId, productId, title, spec, temperatureClass, traceCode, priceFen,
                    currency, quantity, perBuyerLimit, endsAt, status, pinned, shown, openedAt, closedAt, closeReason,
                    unitsLeft);
        }
    }
}
