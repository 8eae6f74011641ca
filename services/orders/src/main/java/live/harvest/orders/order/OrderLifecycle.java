package live.harvest.orders.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.orders.order.OrderDtos.OrderView;
import live.harvest.platform.event.orders.OrderEvents.OrderCancelled;
import live.harvest.platform.event.orders.OrderEvents.OrderExpired;
import live.harvest.platform.event.orders.OrderEvents.OrderRefunded;
import live.harvest.platform.event.orders.OrderEvents.ReturnedLine;
import live.harvest.platform.outbox.Outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Buyer- and time-driven transitions: cancel, expire, refund request and refund confirmation. The order row lock and
 * the state machine make them take turns and end an order once, so its units are returned at most once.
 */
@ApplicationScoped
public class OrderLifecycle {

    private final OrderRepository orders;
    private final OrderAccess access;
    private final StockReturns stock;
    private final Outbox outbox;

    public OrderLifecycle(OrderRepository orders, OrderAccess access, StockReturns stock, Outbox outbox) {
        this.orders = orders;
        this.access = access;
        this.stock = stock;
        this.outbox = outbox;
    }

    /** The buyer cancels before dispatch; units go back to the live pool or to catalog. */
    @Transactional
    public OrderView cancel(UUID orderId, String reason) {
        Order order = access.forBuyer(orders.lock(orderId));
        boolean wasPaid = order.status.isPaid();
        String why = reason == null || reason.isBlank() ? "cancelled by buyer" : reason;
        order.moveTo(OrderStatus.CANCELLED, why, "buyer:" + order.buyerId, Instant.now());
        List<ReturnedLine> returned = stock.giveBack(order);
        outbox.publish(new OrderCancelled(order.id, order.buyerId, order.sellerId, order.streamId, order.totalFen,
                wasPaid, why, returned));
        return OrderView.of(order, OrderTransition.timelineOf(order.id));
    }

    /** Expires one unpaid order past its window; a no-op if it was paid or cancelled meanwhile. */
    @Transactional
    public boolean expire(UUID orderId, Instant now) {
        Order order = orders.lock(orderId);
        if (order.status != OrderStatus.PENDING_PAYMENT || order.payBy.isAfter(now)) {
            return false;
        }
        order.moveTo(OrderStatus.EXPIRED, "unpaid by " + order.payBy, "job:expiry", now);
        List<ReturnedLine> returned = stock.giveBack(order);
        outbox.publish(new OrderExpired(order.id, order.buyerId, order.sellerId, order.streamId, order.totalFen,
                returned));
        return true;
    }

    @Transactional
    public OrderView requestRefund(UUID orderId, String reason) {
        Order order = access.forBuyer(orders.lock(orderId));
        order.moveTo(OrderStatus.REFUND_REQUESTED, reason == null || reason.isBlank() ? "refund requested" : reason,
                "buyer:" + order.buyerId, Instant.now());
        return OrderView.of(order, OrderTransition.timelineOf(order.id));
    }

    /** An admin, or a payment partner, confirms the money went back (who may: {@link OrderAccess#refundConfirmer}). */
    @Transactional
    public OrderView confirmRefund(UUID orderId, String reason) {
        String actor = access.refundConfirmer();
        Order order = orders.lock(orderId);
        String why = reason == null || reason.isBlank() ? "refund confirmed" : reason;
        order.moveTo(OrderStatus.REFUNDED, why, actor, Instant.now());
        // Before the parcel left its centre the units are still ours to sell again, as after a cancellation (logistics
        // cancels the parcel on this event); after, they are on the road and come back on a return leg (ADR 0018).
        List<ReturnedLine> returned = order.dispatchedAt == null ? stock.giveBack(order) : List.of();
        outbox.publish(new OrderRefunded(order.id, order.buyerId, order.sellerId, order.streamId, order.totalFen,
                order.currency, why, returned));
        return OrderView.of(order, OrderTransition.timelineOf(order.id));
    }
}
