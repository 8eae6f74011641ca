package live.harvest.orders.shipment;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import live.harvest.platform.consumer.EventDispatcher;
import live.harvest.platform.consumer.EventHandler;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** The logistics topic's entry point; every shipment event moves its order along ({@link ShipmentProgress}). */
@ApplicationScoped
public class LogisticsEventsConsumer {

    static final String CONSUMER = "orders-logistics";

    private final EventDispatcher dispatcher;

    public LogisticsEventsConsumer(EventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Incoming("logistics-events")
    @Blocking
    public CompletionStage<Void> on(Message<String> record) {
        return dispatcher.dispatch(CONSUMER, record);
    }

    /** Every shipment event (the handler of the interface gets them all) is kept on the order's timeline. */
    @Produces
    @Singleton
    EventHandler<ShipmentEvent> shipmentMoved(ShipmentProgress progress) {
        return (shipment, envelope) -> progress.apply(shipment, envelope.eventId(), envelope.type());
    }
}
