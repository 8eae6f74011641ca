package live.harvest.livestream.offer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import live.harvest.livestream.offer.OfferDtos.OfferView;
import live.harvest.livestream.stream.FeedNotice;

import java.time.Instant;
import java.util.UUID;

/**
 * An offer's stock as orders report it: units placed, units given back to the live pool, and what was left once
 * orders drained the closed pool. Called with order events (results' consumer), inside the consumer's transaction;
 * offers this service does not know are ignored. Each change is announced to the feed after commit.
 */
@ApplicationScoped
public class OfferStock {

    private final OfferRepository offers;
    private final Event<StockNotice> stock;
    private final Event<FeedNotice> feed;

    public OfferStock(OfferRepository offers, Event<StockNotice> stock, Event<FeedNotice> feed) {
        this.offers = offers;
        this.stock = stock;
        this.feed = feed;
    }

    /** An order took {@code units} of the offer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void placed(UUID offerId, int units) {
        change(offerId, units, 0);
    }

    /** A cancelled, expired or refunded order gave {@code units} back to the offer's live pool. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void returned(UUID offerId, int units) {
        change(offerId, 0, units);
    }

    /** Orders emptied the closed offer's pool; {@code unitsLeft} went back to catalog. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void drained(UUID offerId, int unitsLeft) {
        offers.lock(offerId).ifPresent(offer -> {
            offer.unitsLeft = unitsLeft;
            offer.drainedAt = Instant.now();
            feed.fire(new FeedNotice(offer.streamId, FeedNotice.OFFER_UPDATED, OfferView.of(offer)));
        });
    }

    private void change(UUID offerId, int placed, int returned) {
        offers.lock(offerId).ifPresent(offer -> {
            offer.stockChanged(placed, returned);
            stock.fire(new StockNotice(offer.streamId, offer.id, offer.remaining(), offer.stockVersion));
        });
    }
}
