package live.harvest.orders.offer;

import live.harvest.orders.config.OrdersConfig;

import java.time.Duration;
import java.time.Instant;

/**
 * When a pool stops selling and when Redis may forget it. An offer without an end time sells until it is closed; its
 * pool still expires a week after it opened, plus the retention kept for late cancellations.
 */
record PoolLifetime(Instant sellsUntil, Instant expireAt) {

    private static final Duration OPEN_ENDED_POOL_LIFETIME = Duration.ofDays(7);

    static PoolLifetime of(Instant endsAt, Instant openedAt, OrdersConfig config) {
        Instant sellsUntil = endsAt != null ? endsAt : OfferPool.OPEN_ENDED;
        Instant lastUse = endsAt != null ? endsAt : openedAt.plus(OPEN_ENDED_POOL_LIFETIME);
        return new PoolLifetime(sellsUntil, lastUse.plus(config.poolRetentionAfterEnd()));
    }
}
