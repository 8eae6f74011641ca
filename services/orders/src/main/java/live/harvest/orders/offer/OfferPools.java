package live.harvest.orders.offer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.orders.OrdersConfig;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferClosed;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.platform.event.orders.OrderEvents.OfferPoolDrained;
import live.harvest.platform.outbox.Outbox;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;

/** Builds a live pool when an offer opens and drains it (reporting the unsold units, once) when it closes. */
@ApplicationScoped
public class OfferPools {

    private static final Logger LOG = Logger.getLogger(OfferPools.class);

    private final OfferRepository offers;
    private final OfferPool pool;
    private final Outbox outbox;
    private final OrdersConfig config;

    private static final java.time.Duration OPEN_ENDED_POOL_LIFETIME = java.time.Duration.ofDays(7);

    public OfferPools(OfferRepository offers, OfferPool pool, Outbox outbox, OrdersConfig config) {
        this.offers = offers;
        this.pool = pool;
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(OfferOpened event) {
        if (offers.findById(event.offerId()) == null) {
            offers.persist(toOffer(event));
        }
        // Redis after the row: if the transaction fails the event is redelivered and the script is a no-op repeat.
        // An offer without an end time sells until it is closed; its pool still expires eventually.
        Instant sellsUntil = event.endsAt() != null ? event.endsAt() : OfferPool.OPEN_ENDED;
        Instant lastUse = event.endsAt() != null ? event.endsAt() : Instant.now().plus(OPEN_ENDED_POOL_LIFETIME);
        pool.open(event.offerId(), event.quantity(), event.perBuyerLimit(), sellsUntil,
                lastUse.plus(config.poolRetentionAfterEnd()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void closed(OfferClosed event) {
        Offer offer = offers.findById(event.offerId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (offer == null) {
            LOG.debugf("Ignoring close of unknown offer %s", event.offerId());
            return;
        }
        if (offer.drainedAt != null) {
            return; // a second close (another event id) must not report the units twice
        }
        Optional<Integer> left = pool.drain(offer.id);
        if (left.isEmpty()) {
            LOG.warnf("Offer %s has no Redis pool left to drain; nothing reported", offer.id);
            return;
        }
        offer.drainedAt = Instant.now();
        offer.unitsLeft = left.get();
        outbox.publish(new OfferPoolDrained(offer.id, offer.streamId, offer.sellerId, offer.productId, offer.skuId,
                left.get()));
    }

    private static Offer toOffer(OfferOpened event) {
        Offer offer = new Offer();
        offer.id = event.offerId();
        offer.streamId = event.streamId();
        offer.sellerId = event.sellerId();
        offer.sellerCountyCode = event.sellerCountyCode();
        offer.productId = event.productId();
        offer.skuId = event.skuId();
        offer.title = event.title();
        offer.spec = event.spec();
        offer.priceFen = event.priceFen();
        offer.currency = event.currency();
        offer.quantity = event.quantity();
        offer.perBuyerLimit = event.perBuyerLimit();
        offer.endsAt = event.endsAt();
        offer.temperatureClass = event.temperatureClass();
        offer.traceCode = event.traceCode();
        offer.openedAt = Instant.now();
        return offer;
    }
}
