package live.harvest.livestream.results;

import live.harvest.livestream.offer.OfferStatus;
import live.harvest.livestream.stream.StreamStatus;

import java.util.List;
import java.util.UUID;

/** The results endpoint's body: a stream's sales figures and each offer's. */
public final class ResultsDtos {

    private ResultsDtos() {
    }

    public record OfferResultView(UUID offerId, UUID skuId, String title, long priceFen, int quantity,
                                  OfferStatus status, int remaining, Integer unitsLeft, long orders, long unitsSold,
                                  long gmvFen) {
    }

    public record StreamResultsView(UUID streamId, StreamStatus status, String currency, long ordersPlaced,
                                    long ordersCancelled, long ordersRefunded, long orders, long unitsSold,
                                    long gmvFen, long refundedFen, long peakViewers, long uniqueViewers, long likes,
                                    List<OfferResultView> offers) {
    }
}
