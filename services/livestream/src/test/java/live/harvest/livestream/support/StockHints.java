package live.harvest.livestream.support;

import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.platform.event.EventCodec;
import live.harvest.platform.event.TopicNamespace;
import live.harvest.platform.event.orders.PoolStockHint;

import java.util.UUID;

/** Plays orders' pool: publishes stock hints on the real Redis channel, in this test run's namespace. */
@ApplicationScoped
public class StockHints {

    private final RedisDataSource redis;
    private final EventCodec codec;
    private final TopicNamespace namespace;

    public StockHints(RedisDataSource redis, EventCodec codec, TopicNamespace namespace) {
        this.redis = redis;
        this.codec = codec;
        this.namespace = namespace;
    }

    /** Publishes a hint of an open pool; returns how many subscribers heard it. */
    public long left(UUID offerId, long unitsLeft, long version) {
        return publish(new PoolStockHint(offerId, unitsLeft, 1, version, true));
    }

    public long publish(PoolStockHint hint) {
        return redis.execute("PUBLISH", PoolStockHint.channel(namespace), codec.toJson(hint)).toLong();
    }
}
