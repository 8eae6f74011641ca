package live.harvest.orders.order;

import java.time.Instant;
import java.util.UUID;

/** One row of an order list. */
public record OrderSummary(UUID id, OrderStatus status, UUID buyerId, UUID sellerId, UUID streamId, long totalFen,
                           String currency, int units, Instant placedAt) {

    static OrderSummary of(Order order) {
        return new OrderSummary(order.id, order.status, order.buyerId, order.sellerId, order.streamId,
                order.totalFen, order.currency, order.lines.stream().mapToInt(l -> l.quantity).sum(), order.placedAt);
    }
}
