package live.harvest.orders.shipment;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentEvent;
import live.harvest.platform.inbox.IncomingEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class LogisticsEventsConsumer {

    static final String CONSUMER = "orders-logistics";

    private final IncomingEvents incoming;
    private final ShipmentProgress progress;

    public LogisticsEventsConsumer(IncomingEvents incoming, ShipmentProgress progress) {
        this.incoming = incoming;
        this.progress = progress;
    }

    @Incoming("logistics-events")
    @Blocking
    @Transactional
    public void on(String record) {
        incoming.accept(CONSUMER, record).ifPresent(delivery -> {
            if (delivery.event() instanceof ShipmentEvent shipment) {
                progress.apply(shipment, delivery.envelope().eventId(), delivery.envelope().type());
            }
        });
    }
}
