package live.harvest.logistics.routing;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import live.harvest.platform.consumer.EventDispatcher;
import live.harvest.platform.consumer.EventHandler;
import live.harvest.platform.event.orders.OrderEvents.OrderPaid;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** The orders topic's entry point; paid orders become shipments. */
@ApplicationScoped
public class OrderEventsConsumer {

    static final String CONSUMER = "logistics";

    private final EventDispatcher dispatcher;

    public OrderEventsConsumer(EventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Incoming("orders-events")
    @Blocking
    public CompletionStage<Void> on(Message<String> record) {
        return dispatcher.dispatch(CONSUMER, record);
    }

    /** The inbox and the shipment's unique order id make redeliveries harmless. */
    /** The inbox and the shipment's unique order id make redeliveries harmless. */
    @Produces
    @Singleton
    EventHandler<OrderPaid> orderPaid(RoutingService routing) {
        return (paid, envelope) -> routing.onOrderPaid(paid);
    }
}
