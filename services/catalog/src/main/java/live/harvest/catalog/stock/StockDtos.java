package live.harvest.catalog.stock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import live.harvest.catalog.ledger.MovementKind;
import live.harvest.catalog.ledger.StockMovement;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.value.ListingSnapshot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response shapes of the stock API. The allocation and reservation shapes are cross-service contracts. */
public final class StockDtos {

    private StockDtos() {
    }

    /** From livestream, acting for {@code sellerId}: the SKU must be that seller's. */
    public record AllocationRequest(@NotNull UUID offerId, @NotNull UUID sellerId,
                                    @NotNull @Min(1) @Max(1_000_000) Integer quantity) {
    }

    public record Allocation(UUID offerId, UUID skuId, UUID productId, UUID sellerId, String sellerCountyCode,
                             String title, String spec, long priceFen, String currency,
                             TemperatureClass temperatureClass, String traceCode, int quantity, long onHandAfter) {
        static Allocation of(StockAllocation a) {
            ListingSnapshot l = a.listing;
            return new Allocation(a.offerId, l.skuId(), l.productId(), l.sellerId(), l.sellerCountyCode(), l.title(),
                    l.spec(), l.priceFen(), l.currency(), l.temperatureClass(), l.traceCode(), a.quantity,
                    a.onHandAfter);
        }
    }

    /** From orders, for {@code buyerId}'s order. */
    public record ReservationRequest(@NotNull UUID orderId, @NotNull UUID buyerId, @NotNull UUID skuId,
                                     @NotNull @Min(1) @Max(10_000) Integer quantity) {
    }

    public record Reservation(UUID orderId, UUID skuId, UUID productId, UUID sellerId, String sellerCountyCode,
                              String title, String spec, long unitPriceFen, String currency,
                              TemperatureClass temperatureClass, String traceCode, int quantity) {
        static Reservation of(StockReservation r) {
            ListingSnapshot l = r.listing;
            return new Reservation(r.key.orderId(), r.key.skuId(), l.productId(), l.sellerId(), l.sellerCountyCode(),
                    l.title(), l.spec(), l.priceFen(), l.currency(), l.temperatureClass(), l.traceCode(), r.quantity);
        }
    }

    /** Manual movements a seller may record: RESTOCK (delta > 0) or ADJUSTMENT (either sign, reason required). */
    public record MovementRequest(@NotNull MovementKind kind,
                                  @NotNull @Min(-10_000_000) @Max(10_000_000) Long delta,
                                  @Size(max = 500) String reason) {
    }

    public record Movement(UUID movementId, long seq, UUID skuId, MovementKind kind, long delta, long onHandAfter,
                           UUID offerId, UUID orderId, String reason, UUID actorId, Instant occurredAt) {
        static Movement of(StockMovement m) {
            return new Movement(m.id, m.seq, m.skuId, m.kind, m.delta, m.onHandAfter, m.offerId,
                    m.orderId, m.reason, m.actorId, m.occurredAt);
        }
    }

    /** A page of a SKU's ledger, oldest first; {@code sumOfDeltas} over all movements always equals {@code onHand}. */
    public record Ledger(UUID skuId, long onHand, long sumOfDeltas, long totalMovements, int page, int size,
                         List<Movement> movements) {
    }
}
