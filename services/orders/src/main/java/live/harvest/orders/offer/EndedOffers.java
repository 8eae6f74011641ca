package live.harvest.orders.offer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.orders.config.OrdersConfig;
import live.harvest.platform.event.livestream.LivestreamEvents.StreamEnded;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/**
 * Drains offers that ended without their close reaching us (ADR 0018): {@code livestream.offer-closed} dead-lettered
 * here or never published. Without this their unsold units would stay allocated at catalog for ever. An offer is due
 * once its {@code endsAt} or its stream's end lies longer than {@code harvest.orders.ended-offer-grace} ago; it is
 * drained exactly as a close drains it ({@link OfferPools#drain}: counted from PostgreSQL under the offer row lock,
 * {@code orders.offer-pool-drained} once), so any number of instances may sweep at the same time.
 */
@ApplicationScoped
public class EndedOffers {

    private static final Logger LOG = Logger.getLogger(EndedOffers.class);

    private final OfferRepository offers;
    private final OfferPools pools;
    private final OrdersConfig config;
    private final MeterRegistry metrics;

    public EndedOffers(OfferRepository offers, OfferPools pools, OrdersConfig config, MeterRegistry metrics) {
        this.offers = offers;
        this.pools = pools;
        this.config = config;
        this.metrics = metrics;
    }

    /** Remembers that a stream ended; its offers without an end time of their own are due after the grace. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void streamEnded(StreamEnded event) {
        offers.getEntityManager().createNativeQuery(
                        "INSERT INTO ended_stream (stream_id, ended_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, event.streamId()).setParameter(2, event.endedAt()).executeUpdate();
    }

    /** Drains every due offer, each in its own transaction; @return how many this call drained. */
    public int drainDue(Instant now) {
        int drained = 0;
        for (UUID offerId : offers.endedUndrained(now.minus(config.endedOfferGrace()))) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> pools.drain(offerId))) {
                    drained++;
                    metrics.counter("harvest.orders.pool.ended.drains").increment();
                    LOG.warnf("Drained offer %s: it ended more than %s ago and no close arrived", offerId,
                            config.endedOfferGrace());
                }
            } catch (RuntimeException e) {
                LOG.warnf("Draining ended offer %s failed (next run retries): %s", offerId, e.toString());
            }
        }
        return drained;
    }
}
