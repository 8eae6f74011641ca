package live.harvest.catalog.stock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.catalog.batch.HarvestBatchRepository;
import live.harvest.catalog.product.Product;
import live.harvest.catalog.product.ProductStatus;
import live.harvest.catalog.product.Sku;
import live.harvest.catalog.seller.Seller;
import live.harvest.platform.problem.DomainException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Stock for regular-listing orders: reserve (SALE), withdraw (orders could not commit), and return on
 * cancellation or expiry. Idempotent per (order, SKU).
 */
@ApplicationScoped
public class ReservationService {

    public record Result(StockDtos.Reservation reservation, boolean created) {
    }

    private final StockLedger ledger;
    private final StockLocks locks;
    private final HarvestBatchRepository batches;

    public ReservationService(StockLedger ledger, StockLocks locks, HarvestBatchRepository batches) {
        this.ledger = ledger;
        this.locks = locks;
        this.batches = batches;
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
        ledger.move(skuId, MovementKind.SALE, -request.quantity(),
                new StockLedger.Context(null, request.orderId(), null, "regular-listing order", buyerId));
        Seller seller = Seller.findById(product.sellerId);
        StockReservation reservation = new StockReservation();
        reservation.key = new StockReservation.Key(request.orderId(), skuId);
        reservation.buyerId = buyerId;
        reservation.productId = product.id;
        reservation.sellerId = product.sellerId;
        reservation.sellerCountyCode = seller.homeCountyCode;
        reservation.title = product.title;
        reservation.spec = sku.spec;
        reservation.unitPriceFen = sku.priceFen;
        reservation.currency = sku.currency;
        reservation.temperatureClass = product.temperatureClass;
        reservation.traceCode = batches.latestTraceCode(product.id).orElse(null);
        reservation.quantity = request.quantity();
        reservation.status = StockReservation.Status.RESERVED;
        reservation.createdAt = Instant.now();
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
                ledger.move(line.key.skuId(), MovementKind.CANCELLATION_RETURN, line.quantity,
                        new StockLedger.Context(null, orderId, null, "reservation withdrawn", line.buyerId));
                line.status = StockReservation.Status.RELEASED;
                line.closedAt = Instant.now();
            }
        }
    }

    /** The order behind these reservations was written: from now on only its cancellation or expiry returns them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markHeldByOrder(UUID orderId) {
        locks.lock(orderId);
        StockReservation.update("heldByOrderAt = ?1 where key.orderId = ?2 and heldByOrderAt is null",
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
            if (reservation.status != StockReservation.Status.RESERVED) {
                return;
            }
            reservation.status = StockReservation.Status.RETURNED;
            reservation.closedAt = Instant.now();
        }
        ledger.move(skuId, MovementKind.CANCELLATION_RETURN, quantity,
                new StockLedger.Context(offerId, orderId, eventId, why, null));
    }
}
