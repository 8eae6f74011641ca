package live.harvest.orders.order;

import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.event.orders.OrderEvents.DeliveryAddress;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as its buyer, its seller or an admin sees it, with the full timeline. */
public record OrderView(UUID id, OrderStatus status, UUID buyerId, UUID sellerId, UUID streamId, long totalFen,
                        String currency, TemperatureClass temperatureClass, List<Line> lines,
                        DeliveryAddress address, Instant placedAt, Instant payBy, Instant paidAt, String paymentId,
                        List<Step> timeline) {

    public record Line(int lineNo, UUID productId, UUID skuId, UUID offerId, String title, String spec, int quantity,
                       long unitPriceFen, long lineTotalFen, TemperatureClass temperatureClass, String traceCode) {
    }

    public record Step(OrderStatus from, OrderStatus to, Instant at, String cause, String actor) {
    }

    public static OrderView of(Order order, List<OrderTransition> timeline) {
        return new OrderView(order.id, order.status, order.buyerId, order.sellerId, order.streamId, order.totalFen,
                order.currency, order.temperatureClass,
                order.lines.stream().map(l -> new Line(l.lineNo, l.productId, l.skuId, l.offerId, l.title, l.spec,
                        l.quantity, l.unitPriceFen, l.lineTotalFen, l.temperatureClass, l.traceCode)).toList(),
                order.address(), order.placedAt, order.payBy, order.paidAt, order.paymentId,
                timeline.stream().map(t -> new Step(t.fromStatus, t.toStatus, t.at, t.cause, t.actor)).toList());
    }
}
