package live.harvest.platform.event.orders;

import live.harvest.platform.event.TopicNamespace;

import java.util.UUID;

/**
 * A hint that a live offer's Redis pool changed (ADR 0028): orders publishes it on Redis pub/sub right after a
 * reservation, release, abandon, rebuild or drain, outside the outbox, so livestream's feed can show the stock before
 * the order events arrive. Not an event: it may be lost and is never the authority (the order events on
 * {@code harvest.orders.events} are). Livestream shows a hint only if its {@code version} is above every hint of the
 * offer it has shown already.
 *
 * @param offerId   the offer
 * @param unitsLeft units the pool had left when the hint was read (0 with {@code open} false once drained)
 * @param epoch     the pool's generation (ADR 0011), for diagnosis; {@code version} alone orders hints
 * @param version   increases with every hint of the offer, across orders instances, pool rebuilds and Redis restarts
 * @param open      whether the pool still sells (false once drained at the offer's close)
 */
public record PoolStockHint(UUID offerId, long unitsLeft, long epoch, long version, boolean open) {

    /** The Redis pub/sub channel, before the deployment's namespace ({@link #channel(TopicNamespace)}). */
    public static final String CHANNEL = "harvest.orders.pool-stock";

    /**
     * The channel in this deployment's namespace (the topic prefix, ADR 0017): Redis pub/sub ignores the logical
     * database, so without it the tests' orders would hint to the stack's livestream and to each other.
     */
    public static String channel(TopicNamespace namespace) {
        return namespace.onBroker(CHANNEL);
    }
}
