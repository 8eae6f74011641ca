package live.harvest.catalog.stock;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import live.harvest.platform.consumer.EventDispatcher;
import live.harvest.platform.consumer.EventHandler;
import live.harvest.platform.event.orders.OrderEvents.OfferPoolDrained;
import live.harvest.platform.event.orders.OrderEvents.OrderCancelled;
import live.harvest.platform.event.orders.OrderEvents.OrderExpired;
import live.harvest.platform.event.orders.OrderEvents.OrderPaid;
import live.harvest.platform.event.orders.OrderEvents.OrderPlaced;
import live.harvest.platform.event.orders.OrderEvents.OrderRefunded;
import live.harvest.platform.event.orders.OrderEvents.ReturnedLine;
import live.harvest.platform.event.orders.OrderEvents.StockReturn;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * The orders topic's entry point and its handlers, one per event type. Orders' side of the stock: placed orders hold
 * their reservations; drained pools and cancelled, expired or refunded-before-dispatch orders give back.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    static final String CONSUMER = "catalog";

    private final EventDispatcher dispatcher;

    public OrderEventsConsumer(EventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Incoming("orders-events")
    @Blocking
    public CompletionStage<Void> on(Message<String> record) {
        return dispatcher.dispatch(CONSUMER, record);
    }

    @Produces
    @Singleton
    EventHandler<OfferPoolDrained> poolDrained(AllocationService allocations) {
        return (drained, envelope) -> allocations.release(drained.offerId(), drained.skuId(), drained.unitsLeft(),
                envelope.eventId());
    }

    @Produces
    @Singleton
    EventHandler<OrderPlaced> orderPlaced(ReservationService reservations) {
        return (placed, envelope) -> reservations.markHeldByOrder(placed.orderId());
    }

    @Produces
    @Singleton
    EventHandler<OrderPaid> orderPaid(ReservationService reservations) {
        return (paid, envelope) -> reservations.markPaid(paid.orderId());
    }

    @Produces
    @Singleton
    EventHandler<OrderCancelled> orderCancelled(ReservationService reservations) {
        return (cancelled, envelope) -> {
            reservations.markOrderEnded(cancelled.orderId());
            giveBack(reservations, cancelled.orderId(), cancelled.returned(), envelope.eventId(), "order cancelled");
        };
    }

    @Produces
    @Singleton
    EventHandler<OrderExpired> orderExpired(ReservationService reservations) {
        return (expired, envelope) -> {
            reservations.markOrderEnded(expired.orderId());
            giveBack(reservations, expired.orderId(), expired.returned(), envelope.eventId(), "order expired");
        };
    }

    /**
     * A refund before dispatch returns its lines like a cancellation (ADR 0018). A refund after dispatch returns none
     * (the goods were sold and travel back on a return leg): its reservations stay confirmed, not made due.
     */
    @Produces
    @Singleton
    EventHandler<OrderRefunded> orderRefunded(ReservationService reservations) {
        return (refunded, envelope) -> {
            if (refunded.returned() == null || refunded.returned().isEmpty()) {
                return;
            }
            reservations.markOrderEnded(refunded.orderId());
            giveBack(reservations, refunded.orderId(), refunded.returned(), envelope.eventId(), "order refunded");
        };
    }

    /** Only lines that went back to the catalog (not to a live offer's pool) touch the catalog's stock. */
    private static void giveBack(ReservationService reservations, UUID orderId, List<ReturnedLine> lines,
                                 UUID eventId, String why) {
        if (lines == null) {
            return;
        }
        for (ReturnedLine line : lines) {
            if (line.returnedTo() == StockReturn.CATALOG && line.skuId() != null) {
                reservations.returnLine(orderId, line.skuId(), line.offerId(), line.quantity(), eventId, why);
            }
        }
    }
}
