package live.harvest.livestream.offer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import live.harvest.livestream.catalog.CatalogApi.Allocation;
import live.harvest.livestream.catalog.CatalogClient;
import live.harvest.livestream.offer.OfferDtos.OfferView;
import live.harvest.livestream.offer.OfferDtos.OpenOfferRequest;
import live.harvest.livestream.stream.FeedNotice;
import live.harvest.livestream.stream.Stream;
import live.harvest.livestream.stream.StreamAccess;
import live.harvest.livestream.stream.StreamRepository;
import live.harvest.livestream.stream.StreamStopping;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferClosed;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.platform.outbox.Outbox;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.problem.Problem.FieldError;
import live.harvest.platform.value.ListingSnapshot;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Flash-sale offers of a live stream. Opening one allocates its units from catalog first (outside any
 * transaction), then records it, pins it and publishes {@code OfferOpened} in one transaction.
 */
@ApplicationScoped
public class OfferService {

    public static final String CLOSED_BY_ANCHOR = "closed-by-anchor";
    public static final String EXPIRED = "expired";
    public static final String ABORTED = "aborted";
    public static final String STREAM_ENDED = "stream-ended";
    private static final Logger LOG = Logger.getLogger(OfferService.class);

    private final OfferRepository offers;
    private final StreamRepository streams;
    private final StreamAccess access;
    private final CatalogClient catalog;
    private final Outbox outbox;
    private final Event<FeedNotice> feed;

    public OfferService(OfferRepository offers, StreamRepository streams, StreamAccess access, CatalogClient catalog,
                        Outbox outbox, Event<FeedNotice> feed) {
        this.offers = offers;
        this.streams = streams;
        this.access = access;
        this.catalog = catalog;
        this.outbox = outbox;
        this.feed = feed;
    }

    public OfferView open(UUID streamId, OpenOfferRequest request) {
        if (request.perBuyerLimit() > request.quantity()) {
            throw DomainException.invalid(List.of(new FieldError("perBuyerLimit", "must not exceed quantity")));
        }
        UUID offerId = request.offerId() == null ? UUID.randomUUID() : request.offerId();
        UUID sellerId = access.actingSeller();
        Optional<OfferView> retried = QuarkusTransaction.requiringNew().call(() -> {
            requireLive(access.lockOwned(streamId));
            return offers.findByIdOptional(offerId).map(existing -> sameRequestAgain(existing, streamId));
        });
        if (retried.isPresent()) {
            return retried.get();
        }
        Allocation allocation = catalog.allocate(sellerId, request.skuId(), offerId, request.quantity());
        try {
            return QuarkusTransaction.requiringNew().call(() -> record(streamId, offerId, request, allocation));
        } catch (RuntimeException failure) {
            compensate(streamId, offerId, request, allocation, failure);
            throw failure;
        }
    }

    @Transactional
    public OfferView pin(UUID streamId, UUID offerId) {
        requireLive(access.lockOwned(streamId));
        Offer offer = offers.requireInStream(streamId, offerId);
        if (!offer.isOpen()) {
            throw DomainException.conflict("offer-not-open", "Offer " + offerId + " is closed");
        }
        if (!offer.pinned) {
            offers.unpinAll(streamId).ifPresent(this::announceUnpinned);
            offer.pinned = true;
        }
        feed.fire(new FeedNotice(streamId, FeedNotice.OFFER_PINNED, OfferView.of(offer)));
        return OfferView.of(offer);
    }

    @Transactional
    public OfferView close(UUID streamId, UUID offerId) {
        access.lockOwned(streamId);
        Offer offer = offers.requireInStream(streamId, offerId);
        closeOffer(offer, CLOSED_BY_ANCHOR);
        return OfferView.of(offer);
    }

    /** An ending stream closes its open offers, in its transaction; their OfferClosed precede its StreamEnded. */
    @Transactional(Transactional.TxType.MANDATORY)
    void closeAllOpen(@Observes StreamStopping stopping) {
        if (stopping.ending()) {
            offers.openOf(stopping.stream().id).forEach(offer -> closeOffer(offer, STREAM_ENDED));
        }
    }

    /** Closes open offers whose end time has passed; returns how many. */
    @Transactional
    public int closeExpired(Instant now) {
        List<Offer> expired = offers.lockExpired(now, 100);
        expired.forEach(offer -> closeOffer(offer, EXPIRED));
        return expired.size();
    }

    public List<OfferView> ofStream(UUID streamId) {
        streams.require(streamId);
        return offers.ofStream(streamId).stream().map(OfferView::of).toList();
    }

    private OfferView record(UUID streamId, UUID offerId, OpenOfferRequest request, Allocation allocation) {
        Stream stream = requireLive(streams.requireForUpdate(streamId));
        Offer offer = newOffer(stream, offerId, request, allocation);
        offers.unpinAll(streamId).ifPresent(this::announceUnpinned);
        offer.pinned = true;
        offers.persist(offer);
        outbox.publish(opened(offer));
        feed.fire(new FeedNotice(streamId, FeedNotice.OFFER_PINNED, OfferView.of(offer)));
        return OfferView.of(offer);
    }

    /**
     * Catalog allocated the units but recording the offer failed (the stream ended meanwhile, or the database
     * refused). The units must not stay stuck in a pool nobody sells from: record the offer as closed
     * ({@code aborted}) and publish OfferOpened then OfferClosed, so orders builds and drains the pool and catalog
     * releases all units on {@code orders.offer-pool-drained}, the one release path the contracts define.
     * If even that fails, a retry with the same offerId completes the offer (the allocation is idempotent).
     */
    private void compensate(UUID streamId, UUID offerId, OpenOfferRequest request, Allocation allocation,
                            RuntimeException failure) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (offers.findByIdOptional(offerId).isPresent()) {
                    return;
                }
                Offer offer = newOffer(streams.require(streamId), offerId, request, allocation);
                offer.status = OfferStatus.CLOSED;
                offer.closedAt = Instant.now();
                offer.closeReason = ABORTED;
                offers.persist(offer);
                outbox.publish(opened(offer));
                outbox.publish(new OfferClosed(offer.id, streamId, offer.listing.skuId(), ABORTED));
            });
            LOG.infof("Offer %s aborted after allocation (%s); its units return through the pool drain",
                    offerId, failure.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf("Offer %s: allocation of %d units of SKU %s is orphaned; retry with the same offerId",
                    offerId, allocation.quantity(), allocation.skuId());
        }
    }

    private void closeOffer(Offer offer, String reason) {
        offer.close(reason, Instant.now());
        outbox.publish(new OfferClosed(offer.id, offer.streamId, offer.listing.skuId(), reason));
        feed.fire(new FeedNotice(offer.streamId, FeedNotice.OFFER_CLOSED,
                Map.of("offerId", offer.id, "reason", reason)));
    }

    private void announceUnpinned(UUID previous) {
        offers.findByIdOptional(previous).ifPresent(offer -> {
            offers.getEntityManager().refresh(offer);
            feed.fire(new FeedNotice(offer.streamId, FeedNotice.OFFER_UPDATED, OfferView.of(offer)));
        });
    }

    private OfferView sameRequestAgain(Offer existing, UUID streamId) {
        if (!existing.streamId.equals(streamId)) {
            throw DomainException.conflict("offer-id-taken", "Offer id " + existing.id + " belongs to another stream");
        }
        return OfferView.of(existing);
    }

    private static Stream requireLive(Stream stream) {
        if (!stream.isLive()) {
            throw DomainException.conflict("stream-not-live", "Stream " + stream.id + " is " + stream.status
                    + "; offers can be pinned only while it is live");
        }
        return stream;
    }

    private static Offer newOffer(Stream stream, UUID offerId, OpenOfferRequest request, Allocation allocation) {
        Offer offer = new Offer();
        offer.id = offerId;
        offer.streamId = stream.id;
        // Catalog's listing as allocated, with the anchor's price for this sale.
        offer.listing = new ListingSnapshot(stream.sellerId, allocation.sellerCountyCode(), allocation.productId(),
                request.skuId(), allocation.title(), allocation.spec(), request.priceFen(),
                allocation.currency() == null ? "CNY" : allocation.currency(), allocation.temperatureClass(),
                allocation.traceCode());
        offer.quantity = request.quantity();
        offer.perBuyerLimit = request.perBuyerLimit();
        offer.endsAt = request.endsAt();
        offer.status = OfferStatus.OPEN;
        offer.openedAt = Instant.now();
        return offer;
    }

    private static OfferOpened opened(Offer o) {
        ListingSnapshot l = o.listing;
        return new OfferOpened(o.id, o.streamId, l.sellerId(), l.sellerCountyCode(), l.productId(), l.skuId(),
                l.title(), l.spec(), l.priceFen(), l.currency(), o.quantity, o.perBuyerLimit, o.endsAt,
                l.temperatureClass(), l.traceCode());
    }
}
