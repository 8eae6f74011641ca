package live.harvest.orders.offer;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.orders.config.OrdersConfig;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Recounts an offer's Redis pool from PostgreSQL (ADR 0011): units left = quantity minus every unit not returned to
 * the pool, per-buyer counts the same way, and a new epoch. It holds the offer row FOR UPDATE, so orders and
 * cancellations in flight (which hold it FOR KEY SHARE) are counted, later ones see the new epoch, and two
 * instances never rebuild at once: the second finds nothing left to do.
 */
@ApplicationScoped
public class PoolRebuild {

    public enum Reason { MISSING, STALE_EPOCH, OVERDUE_HOLDS, RESTART }

    public enum Result { REBUILT, NOT_NEEDED, DRAINED, ENDED, UNKNOWN }

    private static final Logger LOG = Logger.getLogger(PoolRebuild.class);

    private final OfferRepository offers;
    private final OfferPool pool;
    private final OrdersConfig config;
    private final MeterRegistry metrics;

    public PoolRebuild(OfferRepository offers, OfferPool pool, OrdersConfig config, MeterRegistry metrics) {
        this.offers = offers;
        this.pool = pool;
        this.config = config;
        this.metrics = metrics;
    }

    /** Why the pool of an offer at {@code epoch} needs a recount now, if it does. */
    public Optional<Reason> diagnose(UUID offerId, long epoch, Instant now) {
        Optional<Long> inRedis = pool.epoch(offerId);
        if (inRedis.isEmpty()) {
            return Optional.of(Reason.MISSING);
        }
        if (inRedis.get() != epoch) {
            return Optional.of(Reason.STALE_EPOCH);
        }
        return pool.hasOverdueHolds(offerId, now) ? Optional.of(Reason.OVERDUE_HOLDS) : Optional.empty();
    }

    @Transactional
    public Result rebuildIfNeeded(UUID offerId) {
        return rebuild(offerId, Optional.empty());
    }

    /**
     * Recounts even a pool that looks healthy: an instance that starts may have died holding reservations whose
     * holds are not overdue yet. Safe at any time (the fence makes in-flight orders count or retry).
     */
    @Transactional
    public Result recount(UUID offerId, Reason reason) {
        return rebuild(offerId, Optional.of(reason));
    }

    private Result rebuild(UUID offerId, Optional<Reason> forced) {
        Offer offer = offers.lockForRecount(offerId);
        if (offer == null) {
            return Result.UNKNOWN;
        }
        if (offer.drainedAt != null) {
            return Result.DRAINED;
        }
        Instant now = Instant.now();
        PoolLifetime lifetime = PoolLifetime.of(offer.endsAt, offer.openedAt, config);
        if (!lifetime.expireAt().isAfter(now)) {
            return Result.ENDED;
        }
        Optional<Reason> reason = diagnose(offerId, offer.poolEpoch, now).or(() -> forced);
        if (reason.isEmpty()) {
            return Result.NOT_NEEDED;
        }
        Optional<Long> leftBefore = pool.snapshot(offerId).map(OfferPool.Snapshot::unitsLeft);
        Map<UUID, Long> taken = offers.takenPerBuyer(offerId);
        long left = Math.max(0, offer.quantity - taken.values().stream().mapToLong(Long::longValue).sum());
        offer.poolEpoch++;
        offers.getEntityManager().flush();
        pool.rebuild(offerId, new OfferPool.Counted(left, taken), offer.perBuyerLimit, lifetime.sellsUntil(),
                lifetime.expireAt(), offer.poolEpoch);
        metrics.counter("harvest.orders.pool.rebuilds", "reason", reason.get().name().toLowerCase()).increment();
        leftBefore.filter(before -> left > before).ifPresent(before ->
                metrics.counter("harvest.orders.pool.units.recovered").increment(left - before));
        LOG.warnf("Rebuilt pool of offer %s from PostgreSQL (%s): %d units left (Redis had %s), epoch %d", offerId,
                reason.get(), left, leftBefore.map(String::valueOf).orElse("no pool"), offer.poolEpoch);
        return Result.REBUILT;
    }
}
