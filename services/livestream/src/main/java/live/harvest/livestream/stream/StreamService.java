package live.harvest.livestream.stream;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import live.harvest.livestream.catalog.CatalogApi.Seller;
import live.harvest.livestream.catalog.CatalogClient;
import live.harvest.livestream.stream.StreamDtos.ScheduleStreamRequest;
import live.harvest.livestream.stream.StreamDtos.StreamView;
import live.harvest.platform.event.common.ProductCategory;
import live.harvest.platform.event.livestream.LivestreamEvents.StreamCancelled;
import live.harvest.platform.event.livestream.LivestreamEvents.StreamEnded;
import live.harvest.platform.event.livestream.LivestreamEvents.StreamScheduled;
import live.harvest.platform.event.livestream.LivestreamEvents.StreamStarted;
import live.harvest.platform.outbox.Outbox;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.problem.Problem;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The stream lifecycle: SCHEDULED → LIVE → ENDED, or SCHEDULED → CANCELLED. Only the owner moves it. */
@ApplicationScoped
public class StreamService {

    private final StreamRepository streams;
    private final CatalogClient catalog;
    private final Outbox outbox;
    private final StreamAccess access;
    private final Event<StreamStopping> stopping;
    private final Event<FeedNotice> feed;

    public StreamService(StreamRepository streams, CatalogClient catalog, Outbox outbox, StreamAccess access,
                         Event<StreamStopping> stopping, Event<FeedNotice> feed) {
        this.streams = streams;
        this.catalog = catalog;
        this.outbox = outbox;
        this.access = access;
        this.stopping = stopping;
        this.feed = feed;
    }

    public StreamView schedule(ScheduleStreamRequest request) {
        UUID sellerId = access.actingSeller();
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
        Stream stream = access.lockOwned(streamId);
        stream.checkMove(StreamStatus.LIVE);
        if (streams.sellerIsLiveElsewhere(stream.sellerId, stream.id)) {
            throw alreadyLive();
        }
        stream.goLive(Instant.now());
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
        Stream stream = access.lockOwned(streamId);
        stream.checkMove(StreamStatus.ENDED);
        // Offers close and the counters hand over their final figures and retire, in this transaction.
        stopping.fire(new StreamStopping(stream, StreamStatus.ENDED));
        stream.end(Instant.now());
        outbox.publish(new StreamEnded(stream.id, stream.sellerId, stream.endedAt));
        feed.fire(new FeedNotice(stream.id, FeedNotice.STREAM_ENDED,
                Map.of("streamId", stream.id, "endedAt", stream.endedAt)));
        return StreamView.of(stream);
    }

    @Transactional
    public StreamView cancel(UUID streamId, String reason) {
        Stream stream = access.lockOwned(streamId);
        stream.checkMove(StreamStatus.CANCELLED);
        // Viewers are counted while a stream is scheduled, too: the counters retire, in this transaction.
        stopping.fire(new StreamStopping(stream, StreamStatus.CANCELLED));
        stream.cancel(reason, Instant.now());
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
                new Problem.FieldError("category", "must be one of " + Arrays.toString(
                        ProductCategory.values())))));
    }

    public List<StreamView> mine(int page, int size) {
        return streams.ofSeller(access.actingSeller(), page, size).stream().map(StreamView::of).toList();
    }

    private static DomainException alreadyLive() {
        return DomainException.conflict("already-live", "You already have a live stream; end it first");
    }
}
