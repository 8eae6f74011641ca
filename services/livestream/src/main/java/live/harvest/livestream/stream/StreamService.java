package live.harvest.livestream.stream;

import live.harvest.platform.event.common.ProductCategory;
import live.harvest.platform.problem.Problem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import live.harvest.livestream.catalog.Catalog;
import live.harvest.livestream.catalog.CatalogClient.Seller;
import live.harvest.livestream.counter.Counters;
import live.harvest.livestream.feed.FeedNotice;
import live.harvest.livestream.offer.OfferService;
import live.harvest.livestream.stream.StreamViews.ScheduleStream;
import live.harvest.livestream.stream.StreamViews.StreamView;
import live.harvest.platform.event.livestream.LivestreamEvents.StreamCancelled;
import live.harvest.platform.event.livestream.LivestreamEvents.StreamEnded;
import live.harvest.platform.event.livestream.LivestreamEvents.StreamScheduled;
import live.harvest.platform.event.livestream.LivestreamEvents.StreamStarted;
import live.harvest.platform.outbox.Outbox;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.security.Caller;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The stream lifecycle: SCHEDULED → LIVE → ENDED, or SCHEDULED → CANCELLED. Only the owner moves it. */
@ApplicationScoped
public class StreamService {

    private final StreamRepository streams;
    private final Catalog catalog;
    private final Outbox outbox;
    private final Caller caller;
    private final OfferService offers;
    private final Counters counters;
    private final Event<FeedNotice> feed;
    private final StreamGuard guard;

    public StreamService(StreamRepository streams, Catalog catalog, Outbox outbox, Caller caller, OfferService offers,
                         Counters counters, Event<FeedNotice> feed, StreamGuard guard) {
        this.guard = guard;
        this.streams = streams;
        this.catalog = catalog;
        this.outbox = outbox;
        this.caller = caller;
        this.offers = offers;
        this.counters = counters;
        this.feed = feed;
    }

    public StreamView schedule(ScheduleStream request) {
        UUID sellerId = caller.requireSellerId();
        String category = request.category() == null ? null : canonicalCategory(request.category());
        // Ask catalog before opening a transaction: no connection is held across the remote call.
        Seller seller = catalog.verifiedSeller(sellerId);
        return QuarkusTransaction.requiringNew().call(() -> {
            Stream stream = new Stream();
            stream.id = UUID.randomUUID();
            stream.sellerId = sellerId;
            stream.sellerDisplayName = seller.displayName();
            stream.homeCountyCode = seller.homeCountyCode();
            stream.title = request.title().strip();
            stream.category = category;
            stream.coverImageUrl = request.coverImageUrl();
            List<UUID> featured = request.featuredProductIds() == null ? List.of()
                    : request.featuredProductIds().stream().distinct().toList();
            stream.featuredProductIds = featured.toArray(UUID[]::new);
            stream.plannedStart = request.plannedStart();
            stream.status = StreamStatus.SCHEDULED;
            stream.createdAt = Instant.now();
            streams.persist(stream);
            outbox.publish(new StreamScheduled(stream.id, sellerId, stream.title, stream.plannedStart, featured));
            return StreamView.of(stream);
        });
    }

    @Transactional
    public StreamView start(UUID streamId) {
        Stream stream = guard.lockOwned(streamId);
        if (stream.status != StreamStatus.SCHEDULED) {
            throw DomainException.conflict("stream-not-scheduled", "Only a scheduled stream can go live; it is "
                    + stream.status);
        }
        if (streams.sellerIsLiveElsewhere(stream.sellerId, stream.id)) {
            throw alreadyLive();
        }
        stream.status = StreamStatus.LIVE;
        stream.startedAt = Instant.now();
        try {
            streams.flush();
        } catch (PersistenceException raceLost) {
            // A concurrent start of another stream of this seller won: the partial unique index said no.
            throw alreadyLive();
        }
        outbox.publish(new StreamStarted(stream.id, stream.sellerId, stream.startedAt));
        return StreamView.of(stream);
    }

    @Transactional
    public StreamView end(UUID streamId) {
        Stream stream = guard.lockOwned(streamId);
        if (stream.status != StreamStatus.LIVE) {
            throw DomainException.conflict("stream-not-live", "Only a live stream can end; it is " + stream.status);
        }
        offers.closeAllOpen(stream.id, "stream-ended");
        Counters.Summary summary = counters.finalSummary(stream.id);
        stream.peakViewers = summary.peakViewers();
        stream.uniqueViewers = summary.uniqueViewers();
        stream.likes = summary.likes();
        stream.status = StreamStatus.ENDED;
        stream.endedAt = Instant.now();
        outbox.publish(new StreamEnded(stream.id, stream.sellerId, stream.endedAt));
        feed.fire(new FeedNotice(stream.id, FeedNotice.STREAM_ENDED,
                Map.of("streamId", stream.id, "endedAt", stream.endedAt)));
        counters.retire(stream.id);
        return StreamView.of(stream);
    }

    @Transactional
    public StreamView cancel(UUID streamId, String reason) {
        Stream stream = guard.lockOwned(streamId);
        if (stream.status != StreamStatus.SCHEDULED) {
            throw DomainException.conflict("stream-not-scheduled",
                    "Only a stream that has not gone live can be cancelled; it is " + stream.status);
        }
        stream.status = StreamStatus.CANCELLED;
        stream.cancelledAt = Instant.now();
        stream.cancelReason = reason == null || reason.isBlank() ? null : reason.strip();
        // Viewers are counted while a stream is scheduled, too.
        counters.retire(stream.id);
        outbox.publish(new StreamCancelled(stream.id, stream.sellerId, stream.cancelReason));
        return StreamView.of(stream);
    }

    public StreamView get(UUID streamId) {
        return StreamView.of(streams.require(streamId));
    }

    public List<StreamView> discover(StreamStatus status, String region, String category, int page, int size) {
        String canonical = category == null ? null : canonicalCategory(category);
        return streams.discover(status, region, canonical, page, size).stream().map(StreamView::of).toList();
    }

    /** Streams are filed under catalog's taxonomy, so a stream and its products share one category name. */
    static String canonicalCategory(String category) {
        return ProductCategory.parse(category).map(Enum::name).orElseThrow(() -> DomainException.invalid(List.of(
                new Problem.FieldError("category", "must be one of " + java.util.Arrays.toString(
                        ProductCategory.values())))));
    }

    public List<StreamView> mine(int page, int size) {
        return streams.ofSeller(caller.requireSellerId(), page, size).stream().map(StreamView::of).toList();
    }

    private static DomainException alreadyLive() {
        return DomainException.conflict("already-live", "You already have a live stream; end it first");
    }
}
