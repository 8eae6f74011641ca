package live.harvest.livestream.results;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import live.harvest.livestream.offer.OfferStock;
import live.harvest.platform.consumer.EventDispatcher;
import live.harvest.platform.consumer.EventHandler;
import live.harvest.platform.event.orders.OrderEvents.OfferPoolDrained;
import live.harvest.platform.event.orders.OrderEvents.OrderCancelled;
import live.harvest.platform.event.orders.OrderEvents.OrderExpired;
import live.harvest.platform.event.orders.OrderEvents.OrderPlaced;
import live.harvest.platform.event.orders.OrderEvents.OrderRefunded;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** The orders topic's entry point and its handlers: order events drive results, remaining stock and drained offers. */
@ApplicationScoped
public class OrderEventsConsumer {

    static final String CONSUMER = "livestream";

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
    EventHandler<OrderPlaced> placed(OrderFacts facts) {
        return (event, envelope) -> facts.placed(event);
    }

    @Produces
    @Singleton
    EventHandler<OrderCancelled> cancelled(OrderFacts facts) {
        return (event, envelope) -> facts.cancelled(event);
    }

    @Produces
    @Singleton
    EventHandler<OrderExpired> expired(OrderFacts facts) {
        return (event, envelope) -> facts.expired(event);
    }

    @Produces
    @Singleton
    EventHandler<OrderRefunded> refunded(OrderFacts facts) {
        return (event, envelope) -> facts.refunded(event);
    }

    @Produces
    @Singleton
    EventHandler<OfferPoolDrained> drained(OfferStock stock) {
        return (event, envelope) -> stock.drained(event.offerId(), event.unitsLeft());
    }
}
