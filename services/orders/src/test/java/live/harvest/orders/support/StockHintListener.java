package live.harvest.orders.support;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.platform.event.EventCodec;
import live.harvest.platform.event.TopicNamespace;
import live.harvest.platform.event.orders.PoolStockHint;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Plays livestream: subscribes to the stock hint channel and keeps every hint (with its arrival time) of one offer.
 * Made by {@link Channel#listen}, the bean that knows the channel.
 */
public final class StockHintListener implements AutoCloseable {

    /** The stock hint channel of this test run (its namespace). */
    @ApplicationScoped
    public static class Channel {

        private final RedisDataSource redis;
        private final EventCodec codec;
        private final TopicNamespace namespace;

        public Channel(RedisDataSource redis, EventCodec codec, TopicNamespace namespace) {
            this.redis = redis;
            this.codec = codec;
            this.namespace = namespace;
        }

        /** Starts listening to the hints of {@code offerId}; close it when done. */
        public StockHintListener listen(UUID offerId) {
            return new StockHintListener(redis, codec, namespace, offerId);
        }
    }

    public record Heard(PoolStockHint hint, long atNanos) {
    }

    private final List<Heard> heard = new CopyOnWriteArrayList<>();
    private final PubSubCommands.RedisSubscriber subscriber;

    private StockHintListener(RedisDataSource redis, EventCodec codec, TopicNamespace namespace, UUID offerId) {
        subscriber = redis.pubsub(String.class).subscribe(PoolStockHint.channel(namespace), json -> {
            long at = System.nanoTime();
            PoolStockHint hint = codec.fromJson(json, PoolStockHint.class);
            if (hint.offerId().equals(offerId)) {
                heard.add(new Heard(hint, at));
            }
        });
    }

    public List<PoolStockHint> hints() {
        return heard.stream().map(Heard::hint).toList();
    }

    /** Waits for the first hint that matches and returns it with its arrival time. */
    public Heard awaitHint(Predicate<PoolStockHint> match) {
        await().atMost(Duration.ofSeconds(10)).until(() -> heard.stream().anyMatch(h -> match.test(h.hint())));
        return heard.stream().filter(h -> match.test(h.hint())).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        subscriber.unsubscribe();
    }
}
