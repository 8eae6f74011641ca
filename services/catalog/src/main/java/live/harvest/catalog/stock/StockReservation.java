package live.harvest.catalog.stock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import live.harvest.platform.state.StatusMachine;
import live.harvest.platform.value.ListingSnapshot;

import java.io.Serializable;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Units of one SKU taken by one regular-listing order, with the answer given (idempotency record). The listing as
 * it was then is a {@link ListingSnapshot}; its SKU is the key's, so the snapshot reads that column and never
 * writes it.
 */
@Entity
@Table(name = "stock_reservation")
public class StockReservation extends PanacheEntityBase {

    /** A line is open while RESERVED; each way its units go back closes it for good. */
    public enum Status implements StatusMachine<Status> {
        RESERVED,
        /** Given back by the buyer's DELETE (orders could not commit the order). */
        RELEASED,
        /** Given back because the order was cancelled or expired. */
        RETURNED,
        /** Given back by the reconciler: its lifetime passed unconfirmed, or its order ended without returning it. */
        EXPIRED;

        @Override
        public Set<Status> next() {
            return switch (this) {
                case RESERVED -> EnumSet.of(RELEASED, RETURNED, EXPIRED);
                case RELEASED, RETURNED, EXPIRED -> EnumSet.noneOf(Status.class);
            };
        }
    }

    @Embeddable
    public record Key(@Column(name = "order_id") UUID orderId, @Column(name = "sku_id") UUID skuId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Column(name = "buyer_id")
    public UUID buyerId;
    @Embedded
    @AttributeOverride(name = "skuId", column = @Column(name = "sku_id", insertable = false, updatable = false))
    @AttributeOverride(name = "priceFen", column = @Column(name = "unit_price_fen"))
    public ListingSnapshot listing;
    public int quantity;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    /** When catalog learnt that the order exists ({@code orders.order-placed}); null while only reserved. */
    @Column(name = "held_by_order_at")
    public Instant heldByOrderAt;
    /** Unless held by an order by then, the reconciler gives the units back at this instant. */
    @Column(name = "expires_at")
    public Instant expiresAt;
    /** When catalog learnt the order was cancelled or expired; whatever is still reserved then comes back. */
    @Column(name = "order_ended_at")
    public Instant orderEndedAt;
    /** When catalog learnt the order was paid: the units are sold. */
    @Column(name = "paid_at")
    public Instant paidAt;
    /** The order showed up (placed or paid) after this reservation had already expired and gone back to stock. */
    @Column(name = "late_order_at")
    public Instant lateOrderAt;

    /**
     * Closes the line as {@code closedAs}, once: a closed line answers 409 {@code invalid-transition} (every caller
     * looks at the status first, under the order's lock, so none reaches it).
     */
    public void close(Status closedAs) {
        StatusMachine.refuseUnless(status, closedAs, "invalid-transition", "Reservation " + key);
        status = closedAs;
        closedAt = Instant.now();
    }
}
