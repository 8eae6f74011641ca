package live.harvest.orders.offer;

import java.time.Instant;
import java.util.UUID;

/** The offer API's shapes (read only: offers arrive as livestream's events). */
public final class OfferDtos {

    private OfferDtos() {
    }

    /** A live offer's stock as buyers see it: {@code state} open or drained, the units left. */
    public record PoolView(UUID offerId, String state, long unitsLeft, int perBuyerLimit, Instant endsAt) {
    }
}
