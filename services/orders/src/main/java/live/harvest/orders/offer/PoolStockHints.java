package live.harvest.orders.offer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import live.harvest.orders.config.OrdersConfig;
import live.harvest.orders.redis.LuaScript;
import live.harvest.platform.event.EventCodec;
import live.harvest.platform.event.TopicNamespace;
import live.harvest.platform.event.orders.PoolStockHint;
import live.harvest.platform.pacing.Pacer;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells livestream's feed how many units a live pool has left without waiting for the order pipeline (ADR 0028):
 * after a change, one script reads the pool's units left with a per-offer version, and the hint goes out on Redis
 * pub/sub. Paced per offer: the first change at once, then at most one hint per interval, and a pool that may have
 * emptied at once. Offers that changed lately are hinted again every confirm period, so a lost hint is made good.
 * Best effort, on its own thread: a hint never delays or fails a buyer, and the order events stay the authority.
 */
@ApplicationScoped
public class PoolStockHints {

    private static final Logger LOG = Logger.getLogger(PoolStockHints.class);
    private static final LuaScript ANNOUNCE = LuaScript.load("announce");

    private final RedisDataSource redis;
    private final EventCodec codec;
    private final OrdersConfig.StockHints config;
    private final String channel;
    private final Pacer<UUID> pacer;
    private final Timer lag;
    private final Map<UUID, Long> lastChange = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService thread;

    public PoolStockHints(RedisDataSource redis, EventCodec codec, OrdersConfig config, TopicNamespace namespace,
                          MeterRegistry metrics) {
        this.redis = redis;
        this.codec = codec;
        this.config = config.stockHints();
        this.channel = PoolStockHint.channel(namespace);
        this.pacer = new Pacer<>(this.config.interval());
        this.lag = Timer.builder("harvest.orders.stock.hint.lag")
                .description("From a pool change to its stock hint published (pacing included)")
                .publishPercentiles(0.5, 0.99).register(metrics);
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread named = new Thread(runnable, "pool-stock-hints");
            named.setDaemon(true);
            return named;
        });
        long every = config.confirmEvery().toMillis();
        started.scheduleWithFixedDelay(this::confirm, every, every, TimeUnit.MILLISECONDS);
        thread = started;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    /** The offer's pool changed ({@code emptied}: it may have no unit left): hint it soon. Never blocks or throws. */
    public void changed(UUID offerId, boolean emptied) {
        ScheduledExecutorService hinting = thread;
        if (hinting == null) {
            return;
        }
        long now = System.nanoTime();
        lastChange.put(offerId, now);
        pacer.changed(offerId, now, emptied).ifPresent(delay -> {
            try {
                hinting.schedule(() -> sendChange(offerId, now), delay, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopping) {
                // shutting down: the order events still tell the feed
            }
        });
    }

    /** Hints every offer changed within the confirm period again; forgets the others. */
    private void confirm() {
        long now = System.nanoTime();
        lastChange.forEach((offerId, changedAt) -> {
            if (now - changedAt > config.confirmFor().toNanos()) {
                lastChange.remove(offerId, changedAt);
            } else {
                send(offerId);
            }
        });
        pacer.forgetQuiet(now, config.confirmFor());
    }

    private void sendChange(UUID offerId, long changedAt) {
        pacer.sending(offerId, System.nanoTime()); // before the read: a change from now on gets a hint of its own
        if (send(offerId)) {
            lag.record(System.nanoTime() - changedAt, TimeUnit.NANOSECONDS);
        }
    }

    /** Reads the pool and publishes its hint; false when there is no pool or Redis failed. */
    private boolean send(UUID offerId) {
        try {
            Response read = ANNOUNCE.run(redis, keys(offerId));
            if (read == null) {
                return false; // no pool (never opened here, or expired): nothing to show
            }
            PoolStockHint hint = new PoolStockHint(offerId, read.get(0).toLong(), read.get(1).toLong(),
                    read.get(2).toLong(), "open".equals(read.get(3).toString()));
            redis.execute("PUBLISH", channel, codec.toJson(hint));
            return true;
        } catch (RuntimeException e) {
            // A lost hint only leaves the feed to the order events (and to the next confirmation).
            LOG.debugf("Could not hint the stock of offer %s: %s", offerId, e.getMessage());
            return false;
        }
    }

    static String versionKey(UUID offerId) {
        return "orders:offer:{" + offerId + "}:hint";
    }

    /** The keys of announce. */
    static List<String> keys(UUID offerId) {
        return List.of(OfferPool.poolKey(offerId), versionKey(offerId));
    }
}
