package live.harvest.logistics.routing;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.platform.event.orders.OrderEvents.OrderPaid;
import live.harvest.platform.inbox.IncomingEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Paid orders become shipments; the inbox and the shipment's unique order id make redeliveries harmless. */
@ApplicationScoped
public class OrderEventsConsumer {

    static final String CONSUMER = "logistics";

    private final IncomingEvents incoming;
    private final RoutingService routing;

    public OrderEventsConsumer(IncomingEvents incoming, RoutingService routing) {
        this.incoming = incoming;
        this.routing = routing;
    }

    @Incoming("orders-events")
    @Blocking
    @Transactional
    public void on(String record) {
        incoming.accept(CONSUMER, record).ifPresent(d -> {
            if (d.event() instanceof OrderPaid paid) {
                routing.onOrderPaid(paid);
            }
        });
    }
}
