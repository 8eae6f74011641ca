package live.harvest.livestream.feed;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import live.harvest.livestream.config.LivestreamConfig;
import live.harvest.livestream.counter.Counters;
import live.harvest.livestream.counter.LikeService.LikeCounted;
import live.harvest.livestream.offer.OfferStreams;
import live.harvest.livestream.offer.StockNotice;
import live.harvest.livestream.stream.FeedNotice;
import live.harvest.platform.event.EventCodec;
import live.harvest.platform.event.orders.PoolStockHint;
import live.harvest.platform.pacing.Pacer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
 * <p>
 * Orders' stock hints (ADR 0028) come earlier than the order events: the first after a quiet interval is shown at
 * once, later ones at most once per interval, and a pool that emptied at once. {@link StockFeed} decides what is
 * newer than what the feed shows; an order events' figure it defers (hints are flowing) waits for the next flush.
 */
@ApplicationScoped
public class Coalescer {

    private static final Logger LOG = Logger.getLogger(Coalescer.class);
    private static final Duration QUIET = Duration.ofMinutes(1);

    private final FeedHub hub;
    private final StockFeed stockFeed;
    private final OfferStreams offers;
    private final EventCodec codec;
    private final Counters counters;
    private final LivestreamConfig config;
    private final Map<UUID, StockNotice> pendingStock = new ConcurrentHashMap<>();
    private final Map<UUID, Hint> pendingHints = new ConcurrentHashMap<>();
    private final Pacer<UUID> hintPacer;
    private final Set<UUID> viewersChanged = ConcurrentHashMap.newKeySet();
    private final Set<UUID> likesChanged = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService timer;

    /** A hint's figure waiting to be shown. */
    private record Hint(UUID streamId, UUID offerId, long version, int remaining) {
    }

    public Coalescer(FeedHub hub, StockFeed stockFeed, OfferStreams offers, EventCodec codec, Counters counters,
                     LivestreamConfig config) {
        this.hub = hub;
        this.stockFeed = stockFeed;
        this.offers = offers;
        this.codec = codec;
        this.counters = counters;
        this.config = config;
        this.hintPacer = new Pacer<>(config.feed().coalesceInterval());
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

    /** Heard on the subscription's event loop: handled on this class's thread (it may read PostgreSQL). */
    void onHint(@Observes StockHintHeard heard) {
        ScheduledExecutorService running = timer;
        if (running != null) {
            running.execute(() -> hint(heard.json()));
        }
    }

    /** One hint: waits for its turn (the pacer), or is shown at once. Runs on this class's thread. */
    void hint(String json) {
        try {
            PoolStockHint hint = codec.fromJson(json, PoolStockHint.class);
            Optional<UUID> stream = offers.streamOf(hint.offerId());
            if (stream.isEmpty()) {
                return; // not an offer of ours
            }
            int remaining = hint.open() ? (int) hint.unitsLeft() : StockFeed.CLOSED;
            pendingHints.merge(hint.offerId(), new Hint(stream.get(), hint.offerId(), hint.version(), remaining),
                    (held, fresh) -> fresh.version() > held.version() ? fresh : held);
            hintPacer.changed(hint.offerId(), System.nanoTime(), remaining <= 0).ifPresent(delay -> {
                ScheduledExecutorService running = timer;
                if (delay == 0) {
                    showHint(hint.offerId());
                } else if (running != null) {
                    running.schedule(() -> showHint(hint.offerId()), delay, TimeUnit.NANOSECONDS);
                }
            });
        } catch (RuntimeException e) {
            // A hint only makes the feed earlier; without it the order events still tell.
            LOG.debugf("Stock hint not shown: %s", e.getMessage());
        }
    }

    private void showHint(UUID offerId) {
        hintPacer.sending(offerId, System.nanoTime());
        Hint hint = pendingHints.remove(offerId);
        if (hint == null) {
            return;
        }
        try {
            stockFeed.show(hint.streamId(), offerId, StockFeed.Source.HINT, hint.version(), hint.remaining());
        } catch (RuntimeException e) {
            LOG.debugf("Stock hint of offer %s not shown: %s", offerId, e.getMessage());
        }
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
                if (pendingStock.remove(notice.offerId(), notice) && stockFeed.show(notice.streamId(),
                        notice.offerId(), StockFeed.Source.ORDERS, notice.version(), notice.remaining())
                        == StockFeed.Outcome.DEFERRED) {
                    onStock(notice); // hints are flowing: try again on a later tick
                }
            }
            hintPacer.forgetQuiet(System.nanoTime(), QUIET);
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

}
