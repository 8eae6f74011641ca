package live.harvest.orders.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One entry of an order's timeline: a change of state, or (from == to) an event that did not change it. */
@Entity
@Table(name = "order_transition")
public class OrderTransition extends PanacheEntityBase {

    @Id
    public UUID id;
    /** Arrival order; the database assigns it. */
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "order_id")
    public UUID orderId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public OrderStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public OrderStatus toStatus;
    public Instant at;
    public String cause;
    /** Who caused it: {@code buyer:<id>}, {@code partner:<id>}, {@code admin:<id>}, {@code event:<id>}, {@code job:expiry}. */
    public String actor;

    static OrderTransition of(Order order, OrderStatus from, OrderStatus to, String cause, String actor, Instant at) {
        OrderTransition step = new OrderTransition();
        step.id = UUID.randomUUID();
        step.orderId = order.id;
        step.fromStatus = from;
        step.toStatus = to;
        step.cause = cause.length() > 300 ? cause.substring(0, 300) : cause;
        step.actor = actor.length() > 100 ? actor.substring(0, 100) : actor;
        step.at = at;
        return step;
    }

    public static List<OrderTransition> timelineOf(UUID orderId) {
        return list("orderId = ?1 order by seq", orderId);
    }
}
