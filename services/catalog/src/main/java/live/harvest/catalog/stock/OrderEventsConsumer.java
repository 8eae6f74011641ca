package live.harvest.catalog.stock;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.platform.event.orders.OrderEvents.OfferPoolDrained;
import live.harvest.platform.event.orders.OrderEvents.OrderCancelled;
import live.harvest.platform.event.orders.OrderEvents.OrderExpired;
import live.harvest.platform.event.orders.OrderEvents.OrderPlaced;
import live.harvest.platform.event.orders.OrderEvents.ReturnedLine;
import live.harvest.platform.event.orders.OrderEvents.StockReturn;
import live.harvest.platform.inbox.IncomingEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.UUID;

/** Orders' side of the stock: placed orders hold their reservations; drained pools and cancelled or expired orders give back. */
@ApplicationScoped
public class OrderEventsConsumer {

    static final String CONSUMER = "catalog";

    private final IncomingEvents incoming;
    private final AllocationService allocations;
    private final ReservationService reservations;

    public OrderEventsConsumer(IncomingEvents incoming, AllocationService allocations,
                               ReservationService reservations) {
        this.incoming = incoming;
        this.allocations = allocations;
        this.reservations = reservations;
    }

    @Incoming("orders-events")
    @Blocking
    @Transactional
    public void on(String record) {
        incoming.accept(CONSUMER, record).ifPresent(delivery -> {
            UUID eventId = delivery.envelope().eventId();
            if (delivery.event() instanceof OfferPoolDrained drained) {
                allocations.release(drained.offerId(), drained.skuId(), drained.unitsLeft(), eventId);
            } else if (delivery.event() instanceof OrderPlaced placed) {
                reservations.markHeldByOrder(placed.orderId());
            } else if (delivery.event() instanceof OrderCancelled cancelled) {
                giveBack(cancelled.orderId(), cancelled.returned(), eventId, "order cancelled");
            } else if (delivery.event() instanceof OrderExpired expired) {
                giveBack(expired.orderId(), expired.returned(), eventId, "order expired");
            }
        });
    }

    private void giveBack(UUID orderId, List<ReturnedLine> lines, UUID eventId, String why) {
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
