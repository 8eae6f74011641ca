package live.harvest.orders.offer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.orders.config.OrdersConfig;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferClosed;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.platform.event.orders.OrderEvents.OfferPoolDrained;
import live.harvest.platform.outbox.Outbox;
import live.harvest.platform.value.ListingSnapshot;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/**
 * Builds a live pool when an offer opens and drains it when it closes, reporting the unsold units once. The units
 * left are counted from PostgreSQL under the offer row lock, not taken from Redis: the count is right even when
 * Redis lost the pool, and an order still holding a reservation will see the drain and be refused (ADR 0011).
 */
@ApplicationScoped
public class OfferPools {

    private static final Logger LOG = Logger.getLogger(OfferPools.class);

    private final OfferRepository offers;
    private final OfferPool pool;
    private final Outbox outbox;
    private final OrdersConfig config;

    public OfferPools(OfferRepository offers, OfferPool pool, Outbox outbox, OrdersConfig config) {
        this.offers = offers;
        this.pool = pool;
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(OfferOpened event) {
        Offer offer = offers.findById(event.offerId());
        if (offer == null) {
            offer = toOffer(event);
            offers.persist(offer);
        }
        // Redis after the row: if the transaction fails the event is redelivered and the script is a no-op repeat.
        PoolLifetime lifetime = PoolLifetime.of(offer.endsAt, offer.openedAt, config);
        pool.open(offer.id, offer.quantity, offer.perBuyerLimit, lifetime.sellsUntil(), lifetime.expireAt(),
                offer.poolEpoch);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void closed(OfferClosed event) {
        if (!drain(event.offerId())) {
            LOG.debugf("Close of offer %s changed nothing (unknown or drained before)", event.offerId());
        }
    }

    /**
     * Closes the pool and reports its unsold units, once: a second close (another event id), or the reconciler
     * draining an ended offer (ADR 0018) on any instance, finds the row drained under the same lock.
     *
     * @return true if this call drained the offer
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean drain(UUID offerId) {
        Offer offer = offers.lockForRecount(offerId);
        if (offer == null || offer.drainedAt != null) {
            return false;
        }
        if (pool.drain(offer.id).isEmpty()) {
            LOG.infof("Offer %s has no Redis pool; draining it from PostgreSQL alone", offer.id);
        }
        long taken = offers.takenPerBuyer(offer.id).values().stream().mapToLong(Long::longValue).sum();
        int left = (int) Math.max(0, offer.quantity - taken);
        offer.drainedAt = Instant.now();
        offer.unitsLeft = left;
        outbox.publish(new OfferPoolDrained(offer.id, offer.streamId, offer.listing.sellerId(),
                offer.listing.productId(), offer.listing.skuId(), left));
        return true;
    }

    private static Offer toOffer(OfferOpened event) {
        Offer offer = new Offer();
        offer.id = event.offerId();
        offer.streamId = event.streamId();
        offer.listing = new ListingSnapshot(event.sellerId(), event.sellerCountyCode(), event.productId(),
                event.skuId(), event.title(), event.spec(), event.priceFen(), event.currency(),
                event.temperatureClass(), event.traceCode());
        offer.quantity = event.quantity();
        offer.perBuyerLimit = event.perBuyerLimit();
        offer.endsAt = event.endsAt();
        offer.openedAt = Instant.now();
        return offer;
    }
}
