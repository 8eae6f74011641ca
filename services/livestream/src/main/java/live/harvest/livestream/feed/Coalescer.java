package live.harvest.livestream.feed;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import live.harvest.livestream.config.LivestreamConfig;
import live.harvest.livestream.counter.Counters;
import live.harvest.livestream.counter.LikeService.LikeCounted;
import live.harvest.livestream.offer.StockNotice;
import live.harvest.livestream.stream.FeedNotice;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Turns bursts of updates into at most one feed event per offer (or counter) per flush interval. A 5,000-buyer
 * rush changes an offer's remaining stock thousands of times a second; viewers only need the latest value a few
 * times a second. Each update replaces the pending one (the higher stock version wins); a timer publishes what
 * is pending. Its own thread, because the Quarkus scheduler cannot fire more often than once a second.
 */
@ApplicationScoped
public class Coalescer {

    private static final Logger LOG = Logger.getLogger(Coalescer.class);

    private final FeedHub hub;
    private final Counters counters;
    private final LivestreamConfig config;
    private final Map<UUID, StockNotice> pendingStock = new ConcurrentHashMap<>();
    private final Set<UUID> viewersChanged = ConcurrentHashMap.newKeySet();
    private final Set<UUID> likesChanged = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService timer;

    public Coalescer(FeedHub hub, Counters counters, LivestreamConfig config) {
        this.hub = hub;
        this.counters = counters;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "feed-coalescer");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.feed().coalesceInterval().toMillis();
        timer.scheduleWithFixedDelay(this::flush, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    void onStock(@Observes(during = TransactionPhase.AFTER_SUCCESS) StockNotice notice) {
        pendingStock.merge(notice.offerId(), notice, (held, fresh) -> fresh.version() > held.version() ? fresh : held);
    }

    void onRefreshed(@Observes Counters.Refreshed refreshed) {
        viewersChanged(refreshed.streamId());
        likesChanged(refreshed.streamId());
    }

    void onLike(@Observes LikeCounted like) {
        likesChanged(like.streamId());
    }

    public void viewersChanged(UUID streamId) {
        viewersChanged.add(streamId);
    }

    public void likesChanged(UUID streamId) {
        likesChanged.add(streamId);
    }

    /** Publishes everything pending. */
    public void flush() {
        try {
            for (StockNotice notice : pendingStock.values()) {
                if (pendingStock.remove(notice.offerId(), notice)) {
                    publishStock(notice);
                }
            }
            for (UUID streamId : viewersChanged) {
                viewersChanged.remove(streamId);
                Counters.Live live = counters.live(streamId);
                hub.publish(streamId, FeedNotice.VIEWERS,
                        Map.of("current", live.currentViewers(), "unique", live.uniqueViewers()));
            }
            for (UUID streamId : likesChanged) {
                likesChanged.remove(streamId);
                hub.publish(streamId, FeedNotice.LIKES, Map.of("likes", counters.live(streamId).likes()));
            }
        } catch (RuntimeException e) {
            LOG.warnf("Feed flush failed, retrying on the next tick: %s", e.getMessage());
        }
    }

    private void publishStock(StockNotice notice) {
        hub.publish(notice.streamId(), FeedNotice.STOCK,
                Map.of("offerId", notice.offerId(), "remaining", notice.remaining(), "at", Instant.now()));
        if (notice.remaining() == 0) {
            hub.publish(notice.streamId(), FeedNotice.SOLD_OUT, Map.of("offerId", notice.offerId()));
        }
    }
}
