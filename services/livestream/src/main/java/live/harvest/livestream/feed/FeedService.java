package live.harvest.livestream.feed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.livestream.counter.Counters;
import live.harvest.livestream.offer.OfferRepository;
import live.harvest.livestream.offer.OfferDtos.OfferView;
import live.harvest.livestream.stream.FeedNotice;
import live.harvest.livestream.stream.Stream;
import live.harvest.livestream.stream.StreamRepository;
import live.harvest.livestream.stream.StreamStatus;
import live.harvest.platform.event.EventCodec;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * One viewer's feed: a snapshot of the current state first, then every event published after it. The viewer is
 * subscribed before the snapshot is read, and only events numbered above the snapshot's id are passed on, so no
 * change falls between the two, whether this is a first connection or a reconnection with Last-Event-ID.
 */
@ApplicationScoped
public class FeedService {

    private static final Logger LOG = Logger.getLogger(FeedService.class);

    public record Snapshot(UUID streamId, StreamStatus status, UUID pinnedOfferId, List<OfferView> offers,
                           long viewers, long uniqueViewers, long likes, Long resumedAfter, String viewerId) {
    }

    private final FeedHub hub;
    private final StockFeed stockFeed;
    private final Coalescer coalescer;
    private final Counters counters;
    private final StreamRepository streams;
    private final OfferRepository offers;
    private final EventCodec codec;

    public FeedService(FeedHub hub, StockFeed stockFeed, Coalescer coalescer, Counters counters,
                       StreamRepository streams, OfferRepository offers, EventCodec codec) {
        this.hub = hub;
        this.stockFeed = stockFeed;
        this.coalescer = coalescer;
        this.counters = counters;
        this.streams = streams;
        this.offers = offers;
        this.codec = codec;
    }

    /** Opens a viewer's feed. Call on a worker thread (it may wait for the Redis subscription). */
    public Multi<FeedEvent> open(UUID streamId, FeedViewer viewer, Long lastEventId) {
        Stream stream = streams.require(streamId);
        boolean counted = stream.status == StreamStatus.LIVE || stream.status == StreamStatus.SCHEDULED;
        UnicastProcessor<FeedEvent> live = UnicastProcessor.create();
        // Should this instance lose its Redis subscription, the feed ends: the viewer reconnects (EventSource does
        // so by itself) and starts again from a snapshot instead of silently missing events.
        FeedHub.Subscription subscription = hub.join(streamId, live::onNext, live::onComplete);
        if (counted) {
            counters.viewerJoined(streamId, viewer.countedAs());
            coalescer.viewersChanged(streamId);
        }
        StockFeed.Mark mark = stockFeed.mark(streamId);
        long snapshotId = mark.lastId();
        FeedEvent snapshot = new FeedEvent(snapshotId, FeedNotice.SNAPSHOT,
                codec.toJson(QuarkusTransaction.requiringNew()
                        .call(() -> snapshot(streams.require(streamId), mark, lastEventId, viewer.anonymousId()))));
        return Multi.createBy().concatenating()
                .streams(Multi.createFrom().item(snapshot), live.select().where(event -> event.id() > snapshotId))
                .onTermination().invoke(() -> Infrastructure.getDefaultWorkerPool().execute(() -> {
                    subscription.close();
                    if (counted) {
                        leave(streamId);
                    }
                }));
    }

    private void leave(UUID streamId) {
        try {
            counters.viewerLeft(streamId);
            coalescer.viewersChanged(streamId);
        } catch (RuntimeException e) {
            LOG.warnf("Could not count a viewer leaving stream %s: %s", streamId, e.getMessage());
        }
    }

    /**
     * The stream's state; an open offer's remaining is what the feed showed up to the snapshot's id when it showed
     * any (a hint may be ahead of the order events that PostgreSQL has counted so far), else PostgreSQL's.
     */
    private Snapshot snapshot(Stream stream, StockFeed.Mark mark, Long lastEventId, String viewerId) {
        List<OfferView> open = offers.openOf(stream.id).stream().map(OfferView::of)
                .map(offer -> offer.withRemaining(mark.shown().getOrDefault(offer.id(), offer.remaining()))).toList();
        UUID pinned = open.stream().filter(OfferView::pinned).map(OfferView::id).findFirst().orElse(null);
        if (stream.status == StreamStatus.ENDED) {
            return new Snapshot(stream.id, stream.status, pinned, open, 0, orZero(stream.uniqueViewers),
                    orZero(stream.likes), lastEventId, viewerId);
        }
        Counters.Live now = counters.live(stream.id);
        return new Snapshot(stream.id, stream.status, pinned, open, now.currentViewers(), now.uniqueViewers(),
                now.likes(), lastEventId, viewerId);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
