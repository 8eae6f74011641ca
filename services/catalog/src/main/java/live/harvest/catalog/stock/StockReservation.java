package live.harvest.catalog.stock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import live.harvest.platform.event.common.TemperatureClass;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** Units of one SKU taken by one regular-listing order, with the answer given (idempotency record). */
@Entity
@Table(name = "stock_reservation")
public class StockReservation extends PanacheEntityBase {

    public enum Status {
        RESERVED,
        /** Given back by the buyer's DELETE (orders could not commit the order). */
        RELEASED,
        /** Given back because the order was cancelled or expired. */
        RETURNED,
        /** Given back by the reconciler: its lifetime passed unconfirmed, or its order ended without returning it. */
        EXPIRED
    }

    @Embeddable
    public record Key(@Column(name = "order_id") UUID orderId, @Column(name = "sku_id") UUID skuId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Column(name = "buyer_id")
    public UUID buyerId;
    @Column(name = "product_id")
    public UUID productId;
    @Column(name = "seller_id")
    public UUID sellerId;
    @Column(name = "seller_county_code")
    public String sellerCountyCode;
    public String title;
    public String spec;
    @Column(name = "unit_price_fen")
    public long unitPriceFen;
    public String currency;
    @Enumerated(EnumType.STRING)
    @Column(name = "temperature_class")
    public TemperatureClass temperatureClass;
    @Column(name = "trace_code")
    public String traceCode;
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
}
