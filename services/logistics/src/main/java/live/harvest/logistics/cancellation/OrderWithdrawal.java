package live.harvest.logistics.cancellation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * The tombstone of an order that was cancelled or refunded. The first withdrawal of an order is kept; it outlives
 * the question of whether the shipment existed when it arrived, so the cancellation wins in either order.
 */
@Entity
@Table(name = "order_withdrawal")
public class OrderWithdrawal extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public UUID orderId;

    /** The orders event type that withdrew the order: {@code orders.order-cancelled} or {@code orders.order-refunded}. */
    @Column(nullable = false)
    public String cause;

    public String reason;

    @Column(name = "withdrawn_at", nullable = false)
    public Instant withdrawnAt;

    /** What the timeline and a refused scan say, e.g. "orders.order-cancelled: changed my mind". */
    public String describe() {
        return describe(cause, reason);
    }

    static String describe(String cause, String reason) {
        return reason == null || reason.isBlank() ? cause : cause + ": " + reason;
    }
}
