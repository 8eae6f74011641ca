package live.harvest.livestream.feed;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.event.Event;
import live.harvest.livestream.stream.FeedNotice;
import live.harvest.platform.event.EventCodec;
import live.harvest.platform.event.TopicNamespace;
import live.harvest.platform.event.orders.PoolStockHint;
import live.harvest.platform.problem.DomainException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Numbers and fans out feed events through Redis, so every instance serving a stream's viewers sees the same
 * events with the same ids. One Lua script increments the stream's sequence and publishes on the stream's
 * channel atomically: Redis runs scripts one at a time, so ids reach subscribers in increasing order.
 * Every instance listens to all streams' channels and hands events to its local viewers. On the same connection it
 * hears orders' stock hints ({@link PoolStockHint}, ADR 0028) and passes them on as {@link StockHintHeard}.
 * <p>
 * The subscription is made at startup, on a connection of its own, and remade (with backoff) whenever that connection
 * is lost. It is made with the low-level client, installing the connection's message handler <em>before</em> PSUBSCRIBE
 * is written: Quarkus' {@code ReactivePubSubCommands.subscribeToPattern} installs it only after the write completed,
 * and hands that completion to the caller's Vert.x context; when that context runs on another event loop than the
 * connection (any request thread, at random), the confirmation can be read before the handler exists, is dropped
 * ("No handler waiting for message: [psubscribe, ...]") and the subscription never completes.
 */
@ApplicationScoped
public class FeedHub {

    private static final Logger LOG = Logger.getLogger(FeedHub.class);
    private static final String CHANNEL_PREFIX = "live:feed:";
    // A missing sequence (a new stream, or Redis restarted, evicted or failed over) starts at Redis' clock in
    // microseconds, above every id handed out before: a client resuming with Last-Event-ID never sees ids go back.
    // (Feeds are coalesced far below a million events a second, so earlier ids never catch up with the clock.)
    /** A Lua function numbering and publishing one event; the feed's scripts start with it (see StockFeed). */
    static final String NUMBERING = """
            local function publish(sequence, channel, type, json)
              local id
              if redis.call('EXISTS', sequence) == 0 then
                local now = redis.call('TIME')
                -- built as a string: Lua prints numbers above 10^14 in exponent form
                id = redis.call('INCRBY', sequence, now[1] .. string.format('%06d', tonumber(now[2])))
              else
                id = redis.call('INCR', sequence)
              end
              -- '%.0f' for the same reason
              redis.call('PUBLISH', channel, string.format('%.0f', id) .. '\\n' .. type .. '\\n' .. json)
              return id
            end
            """;
    private static final String NUMBER_AND_PUBLISH = NUMBERING + "return publish(KEYS[1], ARGV[1], ARGV[2], ARGV[3])";

    private static final String PATTERN = CHANNEL_PREFIX + "*";
    /** How long a viewer's request waits for the subscription when it is being (re)made. */
    private static final Duration JOIN_WAIT = Duration.ofSeconds(5);
    /** How long a PSUBSCRIBE may wait for its confirmation before the connection is dropped and another tried. */
    private static final Duration CONFIRMATION_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY = Duration.ofSeconds(10);

    private final RedisDataSource redis;
    private final Redis client;
    private final Vertx vertx;
    private final EventCodec codec;
    private final Event<StockHintHeard> hints;
    private final String hintChannel;
    private final String connectionName = "livestream-feed-" + UUID.randomUUID();
    private final Map<UUID, Set<Viewer>> rooms = new ConcurrentHashMap<>();

    // Subscription state, guarded by this: the connection being subscribed or subscribed (null between attempts),
    // whether its PSUBSCRIBE is confirmed, and the future that completes when one is.
    private RedisConnection connection;
    private boolean subscribed;
    private CompletableFuture<Void> ready = new CompletableFuture<>();
    private int failures;
    private boolean stopped;

    public FeedHub(RedisDataSource redis, Redis client, Vertx vertx, EventCodec codec, TopicNamespace namespace,
                   Event<StockHintHeard> hints) {
        this.redis = redis;
        this.client = client;
        this.vertx = vertx;
        this.codec = codec;
        this.hints = hints;
        this.hintChannel = namespace == null ? null : PoolStockHint.channel(namespace);
    }

    void start(@Observes StartupEvent startup) {
        subscribe();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        RedisConnection open;
        synchronized (this) {
            stopped = true;
            open = connection;
            connection = null;
            subscribed = false;
        }
        if (open != null) {
            open.close();
        }
    }

    public static String sequenceKey(UUID streamId) {
        return "live:stream:" + streamId + ":seq";
    }

    public static String channel(UUID streamId) {
        return CHANNEL_PREFIX + streamId;
    }

    /**
     * The stock each offer of the stream shows on the feed (StockFeed). Its hash tag is the whole sequence key, so
     * the two share a Redis Cluster slot (a key without a tag is hashed whole) and one script may take both.
     */
    public static String stockKey(UUID streamId) {
        return "{" + sequenceKey(streamId) + "}:stock";
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
        // One key: the channel is not a key (Redis Cluster would refuse a script whose "keys" span two slots).
        return redis.execute("EVAL", NUMBER_AND_PUBLISH, "1", sequenceKey(streamId), channel(streamId), type, json)
                .toLong();
    }

    /** Keeps the sequence for a while after the stream ended, so late reconnects still get sensible ids. */
    public void retire(UUID streamId, Duration retention) {
        redis.key().expire(sequenceKey(streamId), retention);
        redis.key().expire(stockKey(streamId), retention);
    }

    /**
     * Starts delivering the stream's events to {@code onEvent}. Once this returns, every event published afterwards
     * is delivered, in order, or, if this instance loses its Redis subscription, {@code onLost} is called (once) and
     * nothing more is delivered: the viewer must start again from a snapshot. Waits (a few seconds at most) while the
     * subscription is being made; call from a worker thread.
     *
     * @throws DomainException 503 when the instance has no Redis subscription
     */
    public Subscription join(UUID streamId, Consumer<FeedEvent> onEvent, Runnable onLost) {
        Viewer viewer = new Viewer(onEvent, onLost);
        long deadline = System.nanoTime() + JOIN_WAIT.toNanos();
        while (true) {
            CompletableFuture<Void> pending;
            synchronized (this) {
                // Registered under the lock that a lost subscription takes, so a viewer either joins a live
                // subscription (and is told if it is lost) or waits for the next one.
                if (subscribed) {
                    rooms.computeIfAbsent(streamId, id -> ConcurrentHashMap.newKeySet()).add(viewer);
                    return () -> leave(streamId, viewer);
                }
                pending = ready;
            }
            try {
                pending.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                throw unavailable();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable();
            }
        }
    }

    /** Whether this instance currently holds its Redis subscription (readiness). */
    public synchronized boolean subscribed() {
        return subscribed;
    }

    /** The Redis client name of the subscription's connection ({@code CLIENT LIST}), for operators and tests. */
    public String connectionName() {
        return connectionName;
    }

    private void leave(UUID streamId, Viewer viewer) {
        rooms.computeIfPresent(streamId, (id, viewers) -> {
            viewers.remove(viewer);
            return viewers.isEmpty() ? null : viewers;
        });
    }

    private static DomainException unavailable() {
        return new DomainException(503, "feed-unavailable", "Service unavailable",
                "The live feed is not available right now; retry shortly", null);
    }

    /**
     * One pattern subscription per instance for all streams' channels, held for the instance's life: cheaper and
     * sturdier than subscribing and unsubscribing per stream as viewers come and go. Each instance therefore
     * receives every stream's (coalesced) events and passes on those its local viewers watch. Never blocks.
     */
    private void subscribe() {
        synchronized (this) {
            if (stopped) {
                return;
            }
        }
        client.connect().onComplete(connected -> {
            if (connected.failed()) {
                retry(connected.cause());
                return;
            }
            RedisConnection conn = connected.result();
            synchronized (this) {
                if (stopped) {
                    conn.close();
                    return;
                }
                connection = conn;
            }
            // Every handler is in place before anything is sent: the PSUBSCRIBE confirmation and the messages
            // arrive on the connection's event loop, whichever thread this runs on.
            conn.handler(reply -> onReply(conn, reply));
            conn.endHandler(ignored -> lost(conn, "connection closed"));
            conn.exceptionHandler(failure -> lost(conn, String.valueOf(failure)));
            conn.send(Request.cmd(Command.CLIENT).arg("SETNAME").arg(connectionName))
                    .onFailure(failure -> LOG.debugf("Could not name the feed's Redis connection: %s", failure))
                    // The hint channel as a second pattern (escaped: it is a name, not a glob), so one confirmed
                    // PSUBSCRIBE covers both.
                    .transform(named -> conn.send(Request.cmd(Command.PSUBSCRIBE).arg(PATTERN)
                            .arg(hintChannel.replaceAll("([*?\\[\\]\\\\])", "\\\\$1"))))
                    .onFailure(failure -> lost(conn, "PSUBSCRIBE failed: " + failure));
            vertx.setTimer(CONFIRMATION_TIMEOUT.toMillis(), timer -> {
                synchronized (this) {
                    if (connection != conn || subscribed) {
                        return;
                    }
                }
                lost(conn, "no PSUBSCRIBE confirmation within " + CONFIRMATION_TIMEOUT);
            });
        });
    }

    private void onReply(RedisConnection conn, Response reply) {
        if (reply == null || reply.size() == 0) {
            return;
        }
        String kind = reply.get(0).toString();
        if ("pmessage".equalsIgnoreCase(kind) && reply.size() == 4 && hintChannel.equals(reply.get(2).toString())) {
            hints.fire(new StockHintHeard(reply.get(3).toString()));
        } else if ("pmessage".equalsIgnoreCase(kind) && reply.size() == 4) {
            dispatch(reply.get(2).toString(), reply.get(3).toString());
        } else if ("psubscribe".equalsIgnoreCase(kind)) {
            CompletableFuture<Void> confirmed;
            synchronized (this) {
                if (connection != conn || subscribed) {
                    return; // another connection's, or the second pattern's confirmation
                }
                subscribed = true;
                failures = 0;
                confirmed = ready;
            }
            LOG.infof("Live feed subscribed to %s (Redis connection %s)", PATTERN, connectionName);
            confirmed.complete(null);
        }
    }

    /**
     * The subscription's connection is gone: events published from now on are not received until another is made.
     * Every current viewer is ended, so that it reconnects and starts again from a snapshot rather than silently
     * missing events; requests arriving meanwhile wait for the new subscription.
     */
    private void lost(RedisConnection conn, String why) {
        List<Viewer> ended = new ArrayList<>();
        synchronized (this) {
            if (connection != conn) {
                return;
            }
            connection = null;
            if (subscribed) {
                subscribed = false;
                ready = new CompletableFuture<>();
            }
            rooms.values().forEach(ended::addAll);
            rooms.clear();
        }
        conn.close();
        ended.forEach(Viewer::lost);
        retry(new IllegalStateException(why));
    }

    private void retry(Throwable cause) {
        long delay;
        synchronized (this) {
            if (stopped) {
                return;
            }
            delay = Math.min(MAX_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(failures, 10));
            failures++;
        }
        LOG.warnf("Live feed is not subscribed to Redis (%s); retrying in %d ms", cause.getMessage(), delay);
        vertx.setTimer(delay, timer -> subscribe());
    }

    private void dispatch(String channel, String message) {
        Set<Viewer> listeners;
        try {
            listeners = rooms.get(UUID.fromString(channel.substring(CHANNEL_PREFIX.length())));
        } catch (IllegalArgumentException notAStream) {
            return;
        }
        if (listeners != null) {
            FeedEvent event = parse(message);
            listeners.forEach(viewer -> viewer.onEvent.accept(event));
        }
    }

    private static FeedEvent parse(String message) {
        String[] parts = message.split("\n", 3);
        return new FeedEvent(Long.parseLong(parts[0]), parts[1], parts[2]);
    }

    /** One joined viewer; identity matters (two viewers may pass equal callbacks). */
    private static final class Viewer {

        private final Consumer<FeedEvent> onEvent;
        private final Runnable onLost;

        private Viewer(Consumer<FeedEvent> onEvent, Runnable onLost) {
            this.onEvent = onEvent;
            this.onLost = onLost;
        }

        private void lost() {
            try {
                onLost.run();
            } catch (RuntimeException e) {
                LOG.debugf("Could not end a viewer's feed: %s", e.getMessage());
            }
        }
    }

    /** Stops a {@link #join}. Safe to call from any thread, once. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
