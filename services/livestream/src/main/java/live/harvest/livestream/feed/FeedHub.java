package live.harvest.livestream.feed;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands.ReactiveRedisSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import live.harvest.platform.event.EventCodec;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Numbers and fans out feed events through Redis, so every instance serving a stream's viewers sees the same
 * events with the same ids. One Lua script increments the stream's sequence and publishes on the stream's
 * channel atomically: Redis runs scripts one at a time, so ids reach subscribers in increasing order.
 * Every instance listens to all streams' channels and hands events to its local viewers.
 */
@ApplicationScoped
public class FeedHub {

    private static final Logger LOG = Logger.getLogger(FeedHub.class);
    private static final String CHANNEL_PREFIX = "live:feed:";
    private static final String NUMBER_AND_PUBLISH = """
            local id = redis.call('INCR', KEYS[1])
            redis.call('PUBLISH', KEYS[2], id .. '\\n' .. ARGV[1] .. '\\n' .. ARGV[2])
            return id""";

    private final RedisDataSource redis;
    private final ReactiveRedisDataSource reactiveRedis;
    private final EventCodec codec;
    private final Map<UUID, Set<Consumer<FeedEvent>>> rooms = new ConcurrentHashMap<>();
    private volatile ReactiveRedisSubscriber subscriber;

    public FeedHub(RedisDataSource redis, ReactiveRedisDataSource reactiveRedis, EventCodec codec) {
        this.redis = redis;
        this.reactiveRedis = reactiveRedis;
        this.codec = codec;
    }

    public static String sequenceKey(UUID streamId) {
        return "live:stream:" + streamId + ":seq";
    }

    public static String channel(UUID streamId) {
        return CHANNEL_PREFIX + streamId;
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) FeedNotice notice) {
        try {
            publish(notice.streamId(), notice.type(), notice.data());
        } catch (RuntimeException e) {
            // The change is committed; viewers catch up from the snapshot when they reconnect.
            LOG.warnf("Could not publish %s to the feed of stream %s: %s", notice.type(), notice.streamId(),
                    e.getMessage());
        }
    }

    /** Publishes one event to every viewer of the stream, on every instance; returns its id. */
    public long publish(UUID streamId, String type, Object data) {
        String json = codec.toJson(data);
        return redis.execute("EVAL", NUMBER_AND_PUBLISH, "2", sequenceKey(streamId), channel(streamId), type, json)
                .toLong();
    }

    /** Id of the last event published on the stream's feed (0 when none yet). */
    public long lastId(UUID streamId) {
        Long last = redis.value(Long.class).get(sequenceKey(streamId));
        return last == null ? 0 : last;
    }

    /** Keeps the sequence for a while after the stream ended, so late reconnects still get sensible ids. */
    public void retire(UUID streamId, Duration retention) {
        redis.key().expire(sequenceKey(streamId), retention);
    }

    /**
     * Starts delivering the stream's events to {@code listener}. Blocks (first time only) until the instance's
     * Redis subscription is confirmed, so every event published after this returns is delivered. Call from a
     * worker thread.
     */
    public Subscription join(UUID streamId, Consumer<FeedEvent> listener) {
        ensureSubscribed();
        rooms.compute(streamId, (id, listeners) -> {
            Set<Consumer<FeedEvent>> joined = listeners == null ? ConcurrentHashMap.newKeySet() : listeners;
            joined.add(listener);
            return joined;
        });
        return () -> rooms.computeIfPresent(streamId, (id, listeners) -> {
            listeners.remove(listener);
            return listeners.isEmpty() ? null : listeners;
        });
    }

    /**
     * One pattern subscription per instance for all streams' channels, held for the instance's life: cheaper and
     * sturdier than subscribing and unsubscribing per stream as viewers come and go. Each instance therefore
     * receives every stream's (coalesced) events and passes on those its local viewers watch.
     */
    private void ensureSubscribed() {
        if (subscriber != null) {
            return;
        }
        synchronized (this) {
            if (subscriber == null) {
                subscriber = reactiveRedis.pubsub(String.class)
                        .subscribeToPattern(CHANNEL_PREFIX + "*", this::dispatch)
                        .await().atMost(Duration.ofSeconds(10));
            }
        }
    }

    private void dispatch(String channel, String message) {
        Set<Consumer<FeedEvent>> listeners;
        try {
            listeners = rooms.get(UUID.fromString(channel.substring(CHANNEL_PREFIX.length())));
        } catch (IllegalArgumentException notAStream) {
            return;
        }
        if (listeners != null) {
            FeedEvent event = parse(message);
            listeners.forEach(listener -> listener.accept(event));
        }
    }

    private static FeedEvent parse(String message) {
        String[] parts = message.split("\n", 3);
        return new FeedEvent(Long.parseLong(parts[0]), parts[1], parts[2]);
    }

    /** Stops a {@link #join}. Safe to call from any thread, once. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
