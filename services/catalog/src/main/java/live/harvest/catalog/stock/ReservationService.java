package live.harvest.catalog.stock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.catalog.config.CatalogConfig;
import live.harvest.catalog.ledger.MovementKind;
import live.harvest.catalog.ledger.StockLedger;
import live.harvest.catalog.product.Product;
import live.harvest.catalog.product.ProductStatus;
import live.harvest.catalog.product.Sku;
import live.harvest.platform.problem.DomainException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Stock for regular-listing orders: reserve (SALE, within the SKU's caps), withdraw (orders could not commit), and
 * return on cancellation or expiry. Idempotent per (order, SKU): a repeat gets its first answer, caps are not
 * counted again.
 */
@ApplicationScoped
public class ReservationService {

    public record Result(StockDtos.Reservation reservation, boolean created) {
    }

    private static final Logger LOG = Logger.getLogger(ReservationService.class);

    private final StockLedger ledger;
    private final StockLocks locks;
    private final ReservationCaps caps;
    private final ListingSnapshots listings;
    private final ReservationMetrics metrics;
    private final Duration lifetime;

    public ReservationService(StockLedger ledger, StockLocks locks, ReservationCaps caps,
                              ListingSnapshots listings, ReservationMetrics metrics, CatalogConfig config) {
        this.ledger = ledger;
        this.locks = locks;
        this.caps = caps;
        this.listings = listings;
        this.metrics = metrics;
        this.lifetime = config.reservationLifetime();
    }

    @Transactional
    public Result reserve(UUID buyerId, StockDtos.ReservationRequest request) {
        UUID skuId = request.skuId();
        Sku sku = Sku.<Sku>findByIdOptional(skuId).orElseThrow(() -> DomainException.notFound("SKU", skuId));
        locks.lock(request.orderId());
        StockReservation existing = StockReservation.findById(new StockReservation.Key(request.orderId(), skuId));
        if (existing != null) {
            if (!existing.buyerId.equals(buyerId)) {
                throw DomainException.forbidden("Order " + request.orderId() + " belongs to another buyer");
            }
            if (existing.quantity != request.quantity() || existing.status != StockReservation.Status.RESERVED) {
                throw DomainException.conflict("reservation-mismatch", "Order " + request.orderId()
                        + " already has a " + existing.status + " reservation of " + existing.quantity + " units");
            }
            return new Result(StockDtos.Reservation.of(existing), false);
        }
        Product product = Product.findById(sku.productId);
        if (product.status != ProductStatus.ACTIVE) {
            throw DomainException.conflict("product-not-active", "Product " + product.id + " is " + product.status);
        }
        // After the order's lock, like every path that goes on to lock the SKU row (withdraw, returns): no deadlock
        caps.check(skuId, buyerId, request.quantity());
        ledger.move(skuId, MovementKind.SALE, -request.quantity(),
                new StockLedger.Context(null, request.orderId(), null, "regular-listing order", buyerId));
        StockReservation reservation = new StockReservation();
        reservation.key = new StockReservation.Key(request.orderId(), skuId);
        reservation.buyerId = buyerId;
        reservation.listing = listings.of(product, sku);
        reservation.quantity = request.quantity();
        reservation.status = StockReservation.Status.RESERVED;
        reservation.createdAt = Instant.now();
        reservation.expiresAt = reservation.createdAt.plus(lifetime);
        reservation.persist();
        return new Result(StockDtos.Reservation.of(reservation), true);
    }

    /**
     * Gives back every still-reserved line of an order that orders could not write. Refused once the order is known
     * to exist ({@code orders.order-placed} seen): its units come back only by its cancellation or expiry, so they
     * can never be counted twice. Repeating a withdrawal changes nothing.
     */
    @Transactional
    public void withdraw(UUID orderId) {
        locks.lock(orderId);
        List<StockReservation> lines = StockReservation.list("key.orderId", orderId);
        if (lines.isEmpty()) {
            throw DomainException.notFound("Reservation for order", orderId);
        }
        if (lines.stream().anyMatch(line -> line.heldByOrderAt != null)) {
            throw DomainException.conflict("reservation-held-by-order", "Order " + orderId
                    + " exists and holds its units; they return when it is cancelled or expires");
        }
        for (StockReservation line : lines) {
            if (line.status == StockReservation.Status.RESERVED) {
                giveBack(line, StockReservation.Status.RELEASED, null, "reservation withdrawn", line.buyerId);
            }
        }
    }

    /**
     * The one way a reservation's units go back on the shelf (withdrawal, the order's end, the reconciler): one
     * CANCELLATION_RETURN movement and the reservation closed, in the caller's transaction, which holds the order's
     * lock, so no two of them can both see the line open.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void giveBack(StockReservation line, StockReservation.Status closedAs, UUID eventId, String why, UUID actorId) {
        line.close(closedAs);
        ledger.move(line.key.skuId(), MovementKind.CANCELLATION_RETURN, line.quantity,
                new StockLedger.Context(null, line.key.orderId(), eventId, why, actorId));
    }

    /**
     * The order behind these reservations was written: from now on only its cancellation or expiry returns them.
     * Lines already given back (expired, or withdrawn) are not taken again - the stock may be sold to someone else
     * by now. Catalog cannot refuse the event: it records the late order and counts it (orders has to cancel it).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markHeldByOrder(UUID orderId) {
        locks.lock(orderId);
        Instant now = Instant.now();
        StockReservation.update("heldByOrderAt = ?1 where key.orderId = ?2 and heldByOrderAt is null and status = ?3",
                now, orderId, StockReservation.Status.RESERVED);
        long late = StockReservation.update("lateOrderAt = ?1 where key.orderId = ?2 and lateOrderAt is null"
                        + " and heldByOrderAt is null and status in (?3, ?4)",
                now, orderId, StockReservation.Status.EXPIRED, StockReservation.Status.RELEASED);
        if (late > 0) {
            LOG.warnf("Order %s arrived after its reservation was given back (%d line(s)); it holds no stock here",
                    orderId, late);
            metrics.lateOrder();
        }
    }

    /** The order was paid: its units are sold. A paid order is also a placed one, should order-placed be missing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markPaid(UUID orderId) {
        markHeldByOrder(orderId);
        StockReservation.update("paidAt = ?1 where key.orderId = ?2 and paidAt is null and status = ?3",
                Instant.now(), orderId, StockReservation.Status.RESERVED);
    }

    /**
     * The order was cancelled or expired. Its event returns its lines; any line it did not return is left to the
     * reconciler, which this mark makes due.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markOrderEnded(UUID orderId) {
        locks.lock(orderId);
        StockReservation.update("orderEndedAt = ?1 where key.orderId = ?2 and orderEndedAt is null",
                Instant.now(), orderId);
    }

    /**
     * A cancelled or expired order gives a line back to catalog. A regular-listing line is returned only while
     * its reservation is still open (a withdrawn one already came back); offer lines have no reservation here.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void returnLine(UUID orderId, UUID skuId, UUID offerId, int quantity, UUID eventId, String why) {
        if (quantity <= 0 || Sku.findById(skuId) == null) {
            return;
        }
        locks.lock(orderId);
        StockReservation reservation = StockReservation.findById(new StockReservation.Key(orderId, skuId));
        if (offerId == null && reservation != null) {
            if (reservation.status == StockReservation.Status.RESERVED) {
                giveBack(reservation, StockReservation.Status.RETURNED, eventId, why, null);
            }
            return; // otherwise already back: withdrawn, expired or returned before
        }
        ledger.move(skuId, MovementKind.CANCELLATION_RETURN, quantity,
                new StockLedger.Context(offerId, orderId, eventId, why, null));
    }
}
